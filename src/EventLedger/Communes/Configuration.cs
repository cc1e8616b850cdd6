using JasperFx.Events.Projections;
using Marten;

namespace EventLedger.Communes;

public static class CommunesConfiguration
{
    /// <summary>The registry lives under Marten's default tenant; each commune's facts live under the commune's code.</summary>
    public const string RegistryTenant = "*DEFAULT*";

    public static void Configure(StoreOptions opts)
    {
        opts.Events.MapEventType<CommuneRegistered>("commune_registered");
        opts.Projections.Snapshot<Commune>(SnapshotLifecycle.Inline);
    }
}
