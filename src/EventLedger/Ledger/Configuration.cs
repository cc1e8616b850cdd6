using JasperFx.Events.Projections;
using Marten;

namespace EventLedger.Ledger;

public static class LedgerConfiguration
{
    public const string ChainShard = "LedgerChain";

    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add(new EventSealProjection(), ProjectionLifecycle.Inline, "EventSeal");
        opts.Projections.Add(new LedgerChainProjection(), ProjectionLifecycle.Async, ChainShard);
        opts.Schema.For<EventSeal>().Identity(x => x.Id);
        opts.Schema.For<ChainLink>().Identity(x => x.Id);
    }
}
