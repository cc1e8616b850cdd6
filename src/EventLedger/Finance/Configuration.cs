using Marten;

namespace EventLedger.Finance;

public static class FinanceConfiguration
{
    public static void Configure(StoreOptions opts)
    {
        opts.Schema.For<FinanceDeadLetter>().Index(x => x.Commune);
    }
}
