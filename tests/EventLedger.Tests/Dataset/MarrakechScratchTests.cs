using EventLedger.Tests.Support;

namespace EventLedger.Tests.Dataset;

public sealed class MarrakechScratchTests(MarrakechApp marrakech) : IClassFixture<MarrakechApp>
{
    private readonly LedgerApi _api = new(marrakech.App.Host);

    [Fact]
    public async Task Print()
    {
        foreach (var year in new[] { 2023, 2024 })
        {
            var r = await _api.GetJson($"/api/communes/marrakech/reviews/{year}/reconciliation");
            Console.WriteLine(r["summary"]!.ToJsonString());
            foreach (var f in r["figures"]!.AsArray())
                if (f!["outcome"]!.GetValue<string>() != "match")
                    Console.WriteLine($"{f["section"]} {f["source"]} {f["metric"]} o={f["orientation"]} n={f["nature"]} printed={f["printed"]} ledger={f["ledger"]} {f["outcome"]}: {f["reason"]}");
        }
    }
}
