using JasperFx.Events.Projections;
using Marten;

namespace EventLedger.Financing;

public static class FinancingConfiguration
{
    public static void Configure(StoreOptions opts)
    {
        foreach (var (name, type) in FinancingFactTypes.ByName) opts.Events.MapEventType(type, name);
        opts.Projections.Add(new FinancingLedgerProjection(), ProjectionLifecycle.Async);
    }
}
