using EventLedger.Communes;
using EventLedger.Programmes;
using EventLedger.Projects;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Marten;
using Npgsql;
using Weasel.Core;

namespace EventLedger.Common;

/// <summary>The Marten store: every commune is a tenant of one database (conjoined tenancy), streams keyed by strings.</summary>
public static class LedgerStore
{
    public static void Configure(StoreOptions opts, string connectionString, string schema)
    {
        opts.Connection(connectionString);
        opts.ConfigureNpgsqlDataSourceBuilder(b => b.UseNodaTime());
        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, o => JsonDefaults.Configure(o));
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
        opts.Policies.AllDocumentsAreMultiTenanted();
        // Rich appends know each event's version and sequence before it is written, and keep the timestamp the
        // application sets (the recorded time: the injected clock, or the original time of imported history).
        opts.Events.AppendMode = EventAppendMode.Rich;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.EnableUniqueIndexOnEventId = true;

        CommunesConfiguration.Configure(opts);
        ProgrammesConfiguration.Configure(opts);
        ProjectsConfiguration.Configure(opts);
        Financing.FinancingConfiguration.Configure(opts);
        Reviews.ReviewsConfiguration.Configure(opts);
        Ledger.LedgerConfiguration.Configure(opts);
        Finance.FinanceConfiguration.Configure(opts);
    }
}
