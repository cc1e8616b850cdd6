using System.Text.Json.Nodes;
using EventLedger.Tests.Reviews;
using EventLedger.Tests.Support;
using Npgsql;

namespace EventLedger.Tests.Ledger;

/// <summary>Shared steps of the tamper scenarios: each runs in a ledger of its own, since it damages it.</summary>
public static class Tampering
{
    public const string Verification = "/api/communes/tiznit/ledger/verification";

    public static async Task<long> SequenceOf(LedgerApi api, string code, string type) =>
        (await api.History(code, "tiznit"))["events"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == type)!["sequence"]!.GetValue<long>();

    public static async Task<JsonNode> Verify(LedgerApi api, string query = "") => await api.GetJson(Verification + query);
}

public sealed class FlippedByteTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_changed_byte_in_one_event_is_found_and_named_and_the_publication_digest_no_longer_verifies()
    {
        var published = LedgerApi.Json(await _api.Post("/api/communes/tiznit/reviews/2023/publication", new { }, 201));
        var digest = published["chainDigest"]!.GetValue<string>();
        var cut = published["throughSequence"]!.GetValue<long>();
        await app.CatchUp();

        var before = await Tampering.Verify(_api);
        Assert.True(before["verified"]!.GetValue<bool>(), before.ToJsonString());
        Assert.Equal(before["headSequence"]!.GetValue<long>(), before["chainedThrough"]!.GetValue<long>());
        Assert.True((await Tampering.Verify(_api, $"?digest={digest}&sequence={cut}"))["digest"]!["leadsToIt"]!.GetValue<bool>());

        var sequence = await Tampering.SequenceOf(_api, "X1-1", "project_real_cost_recorded");
        Assert.Equal(1, await Superuser.Tamper($"update {app.Schema}.mt_events set data = replace(data::text, '400000.05', '400000.06')::jsonb where seq_id = {sequence}"));

        var after = await Tampering.Verify(_api);
        Assert.False(after["verified"]!.GetValue<bool>());
        var first = after["firstDifference"]!;
        Assert.Equal(sequence, first["sequence"]!.GetValue<long>());
        Assert.Equal("changed", first["kind"]!.GetValue<string>());
        Assert.Equal(["data"], first["what"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Equal("PAC-2022-2027:X1-1", first["stream"]!.GetValue<string>());

        var kept = await Tampering.Verify(_api, $"?digest={digest}&sequence={cut}");
        Assert.False(kept["digest"]!["leadsToIt"]!.GetValue<bool>());
        Assert.False(kept["verified"]!.GetValue<bool>());
    }
}

public sealed class DeletedEventTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_deleted_event_is_found_missing_at_its_sequence()
    {
        var sequence = await Tampering.SequenceOf(_api, "Z1-1", "project_launched");
        Assert.Equal(1, await Superuser.Tamper($"delete from {app.Schema}.mt_events where seq_id = {sequence}"));

        var report = await Tampering.Verify(_api);
        Assert.False(report["verified"]!.GetValue<bool>());
        Assert.Equal(sequence, report["firstDifference"]!["sequence"]!.GetValue<long>());
        Assert.Equal("missing", report["firstDifference"]!["kind"]!.GetValue<string>());
        Assert.Equal("project_launched", report["firstDifference"]!["type"]!.GetValue<string>());
    }
}

public sealed class InsertedEventTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_event_inserted_behind_the_services_back_is_found_extra()
    {
        var copied = await Tampering.SequenceOf(_api, "X1-1", "project_real_cost_recorded");
        var columns = new List<string>();
        await using (var connection = new NpgsqlConnection(Superuser.ConnectionString))
        {
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand($"select column_name from information_schema.columns where table_schema = '{app.Schema}' and table_name = 'mt_events' order by ordinal_position", connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        var values = columns.Select(c => c switch
        {
            "seq_id" => $"nextval('{app.Schema}.mt_events_sequence')",
            "id" => "gen_random_uuid()",
            "version" => "version + 1000",
            _ => c,
        });
        await Superuser.Tamper($"insert into {app.Schema}.mt_events ({string.Join(", ", columns)}) select {string.Join(", ", values)} from {app.Schema}.mt_events where seq_id = {copied}");
        var inserted = await Superuser.Scalar<long>($"select max(seq_id) from {app.Schema}.mt_events");

        var report = await Tampering.Verify(_api);
        Assert.False(report["verified"]!.GetValue<bool>());
        Assert.Equal(inserted, report["firstDifference"]!["sequence"]!.GetValue<long>());
        Assert.Equal("extra", report["firstDifference"]!["kind"]!.GetValue<string>());
    }
}

public sealed class AppendOnlyTableTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("update {0}.mt_events set data = data where seq_id = {1}")]
    [InlineData("delete from {0}.mt_events where seq_id = {1}")]
    [InlineData("truncate {0}.mt_events")]
    public async Task The_services_own_role_cannot_rewrite_the_event_table(string statement)
    {
        var sequence = await Tampering.SequenceOf(_api, "X1-1", "project_launched");
        await using var connection = new NpgsqlConnection(LedgerApp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(string.Format(statement, app.Schema, sequence), connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("events are never updated or deleted", refused.MessageText);
        Assert.False(await Superuser.Scalar<bool>($"select rolsuper from pg_roles where rolname = '{new NpgsqlConnectionStringBuilder(LedgerApp.ConnectionString).Username}'"));

        await app.CatchUp();
        Assert.True((await Tampering.Verify(_api))["verified"]!.GetValue<bool>());
    }
}
