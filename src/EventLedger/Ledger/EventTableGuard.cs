using Marten;
using Npgsql;

namespace EventLedger.Ledger;

/// <summary>
/// Makes the event table append-only for every role, the service's included: a trigger refuses UPDATE, DELETE and
/// TRUNCATE on <c>mt_events</c>. A trigger rather than grants, because the service's role owns the tables (Marten creates
/// and migrates them), and an owner can always grant itself back what was revoked; the trigger binds the owner too,
/// and only a superuser deliberately disabling it can bypass it, which the hash chain then detects. No Marten feature
/// that rewrites stored events (event masking, stream compaction, archiving) is used.
/// </summary>
public sealed class EventTableGuard(IDocumentStore store, ILogger<EventTableGuard> logger) : IHostedService
{
    public static string Sql(string schema) => $"""
        CREATE OR REPLACE FUNCTION {schema}.eventledger_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'EventLedger: % on %.% is refused: events are never updated or deleted; record a correction instead', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        DROP TRIGGER IF EXISTS eventledger_append_only ON {schema}.mt_events;
        CREATE TRIGGER eventledger_append_only BEFORE UPDATE OR DELETE ON {schema}.mt_events FOR EACH ROW EXECUTE FUNCTION {schema}.eventledger_refuse_rewrite();
        DROP TRIGGER IF EXISTS eventledger_no_truncate ON {schema}.mt_events;
        CREATE TRIGGER eventledger_no_truncate BEFORE TRUNCATE ON {schema}.mt_events FOR EACH STATEMENT EXECUTE FUNCTION {schema}.eventledger_refuse_rewrite();
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // the event storage, created through Marten's own (in-process locked) path, like any first append would
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(JasperFx.Events.IEvent), cancellationToken);
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql(schema), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("The event table {Schema}.mt_events is append-only (trigger eventledger_append_only)", schema);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
