using JasperFx.Events.Projections;
using Marten;

namespace EventLedger.Programmes;

public static class ProgrammesConfiguration
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.MapEventType<ProgrammeAdopted>("programme_adopted");
        opts.Events.MapEventType<ProgrammeRevised>("programme_revised");
        opts.Projections.Snapshot<Programme>(SnapshotLifecycle.Inline);
    }
}
