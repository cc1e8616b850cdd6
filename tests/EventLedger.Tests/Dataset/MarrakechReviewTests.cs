using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventLedger.Dataset.Marrakech;
using EventLedger.Tests.Support;
using Snapshooter.Xunit;

namespace EventLedger.Tests.Dataset;

/// <summary>
/// The reconstructed Marrakech dataset against the seed report: both reviews as published give the printed figures,
/// reproduce exactly, and reconcile figure by figure. Printed values come from the test data's copy of
/// published-figures.json, never from this code.
/// </summary>
public sealed class MarrakechReviewTests(MarrakechApp marrakech) : IClassFixture<MarrakechApp>
{
    private readonly LedgerApi _api = new(marrakech.App.Host);
    private const string Reviews = "/api/communes/marrakech/reviews";

    private static JsonArray PrintedFigures() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "published-figures.json")))!["figures"]!.AsArray();

    private static JsonNode? Cell(JsonNode content, string metric, int? orientation, string? nature) =>
        content["tables"]!.AsArray().SelectMany(t => t!["rows"]!.AsArray()).SelectMany(r => r!["cells"]!.AsArray())
            .FirstOrDefault(c => c is not null && c["metric"]!.GetValue<string>() == metric
                && c["orientation"]?.GetValue<int>() == orientation && c["nature"]?.GetValue<string>() == nature);

    private static decimal Scale(string unit) => unit switch { "MAD million" => 1_000_000m, "MAD billion" => 1_000_000_000m, _ => 1m };

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task The_review_as_published_gives_every_printed_figure_the_reconciliation_calls_a_match(int year)
    {
        var printed = PrintedFigures().Where(f => f!["review"]!.GetValue<string>() == year.ToString(CultureInfo.InvariantCulture)).ToList();
        var publication = await _api.GetJson($"{Reviews}/{year}/publication");
        var reconciliation = await _api.GetJson($"{Reviews}/{year}/reconciliation");
        var outcomes = reconciliation["figures"]!.AsArray();
        Assert.Equal(printed.Count, outcomes.Count);

        var matched = 0;
        for (var i = 0; i < printed.Count; i++)
        {
            var figure = printed[i]!;
            var outcome = outcomes[i]!;
            Assert.Equal(figure["metric"]!.GetValue<string>(), outcome["metric"]!.GetValue<string>());
            Assert.NotEqual("mismatch", outcome["outcome"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(outcome["reason"]!.GetValue<string>()));
            var cell = Cell(publication["content"]!, figure["metric"]!.GetValue<string>(), figure["orientation"]?.GetValue<int>(), figure["nature"]?.GetValue<string>());
            if (outcome["outcome"]!.GetValue<string>() == "not-derivable")
            {
                // not derivable only when the ledger has no value for it, or when the printed percentage has a base of its own
                Assert.True(cell?["value"] is null || outcome["reason"]!.GetValue<string>().Contains("does not state the base"), outcome["reason"]!.GetValue<string>());
                continue;
            }
            if (outcome["outcome"]!.GetValue<string>() != "match") continue;

            var value = figure["value"]!.GetValue<decimal>();
            var unit = figure["unit"]!.GetValue<string>();
            var decimals = unit is "MAD" or "MAD million" or "MAD billion" ? 2 : unit == "percent" ? (value.ToString(CultureInfo.InvariantCulture).Split('.') is [_, var d] ? d.Length : 0) : 0;
            var ledger = decimal.Round(cell!["value"]!.GetValue<decimal>() / Scale(unit), decimals, MidpointRounding.AwayFromZero);
            Assert.True(value == ledger, $"{figure["section"]} {figure["metric"]}: printed {value}, the publication holds {ledger}");
            matched++;
        }
        Assert.True(matched > printed.Count / 2, $"only {matched} of {printed.Count} figures match");
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task Each_publication_reproduces_from_the_raw_events_with_the_same_hash(int year)
    {
        var publication = await _api.GetJson($"{Reviews}/{year}/publication");
        var reproduction = await _api.GetJson($"{Reviews}/{year}/reproduction");
        Assert.True(reproduction["equal"]!.GetValue<bool>());
        Assert.Equal(publication["sha256"]!.GetValue<string>(), reproduction["reproducedSha256"]!.GetValue<string>());
        Assert.Equal(publication["knownAt"]!.GetValue<string>(),
            (year == 2023 ? MarrakechDataset.Published2023 : MarrakechDataset.Published2024).ToString());
    }

    [Fact]
    public async Task The_reconciliations_of_both_publications_are_kept_as_a_snapshot()
    {
        var reconciliations = new JsonObject();
        foreach (var year in new[] { 2023, 2024 })
            reconciliations[year.ToString(CultureInfo.InvariantCulture)] = await _api.GetJson($"{Reviews}/{year}/reconciliation");
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(reconciliations.ToJsonString()));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2028)]
    public async Task Later_years_compute_from_what_the_ledger_holds(int year)
    {
        var review = await _api.GetJson($"{Reviews}/{year}");
        var content = review["content"]!;
        Assert.Equal($"{year}-12-31", content["asOf"]!.GetValue<string>());
        Assert.Equal(423m, Cell(content, "programme.projects.count", null, null)!["value"]!.GetValue<decimal>());
        var started2024 = Cell((await _api.GetJson($"{Reviews}/2024/publication"))["content"]!, "started.count", null, null)!["value"]!.GetValue<decimal>();
        Assert.Equal(started2024, Cell(content, "started.count", null, null)!["value"]!.GetValue<decimal>());
        Assert.True(content["reconstruction"]!["reconstructedProjects"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task The_review_as_known_at_the_first_publication_is_the_first_review()
    {
        var knownAt = MarrakechDataset.Published2023.ToString();
        var served = await _api.GetJson($"{Reviews}/2023?knownAt={knownAt}");
        var published = await _api.GetJson($"{Reviews}/2023/publication");
        foreach (var metric in new[] { "started.count", "completed.count", "inProgress.count", "started.realCost", "programme.cost" })
            Assert.Equal(Cell(published["content"]!, metric, null, null)!["value"]!.GetValue<decimal>(), Cell(served["content"]!, metric, null, null)!["value"]!.GetValue<decimal>());
        var now = await _api.GetJson($"{Reviews}/2024");
        Assert.NotEqual(Cell(served["content"]!, "started.count", null, null)!["value"]!.GetValue<decimal>(),
            Cell(now["content"]!, "started.count", null, null)!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Synthetic_projects_say_they_are_reconstructed_and_the_real_ones_do_not()
    {
        var real = await _api.GetJson("/api/communes/marrakech/projects/B1-4");
        Assert.False(real["state"]!["reconstructed"]!.GetValue<bool>());
        Assert.Equal("in-preparation", real["state"]!["status"]!.GetValue<string>());
        var page = await _api.GetJson("/api/communes/marrakech/projects?orientation=A&pageSize=500");
        Assert.All(page["items"]!.AsArray(), p => Assert.True(p!["state"]!["reconstructed"]!.GetValue<bool>()));
        var top = (await _api.GetJson($"{Reviews}/2024/publication"))["content"]!["tables"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "2-5-top")!;
        var codes = top["rows"]!.AsArray().Select(r => r!["key"]!.GetValue<string>()).Where(k => !k.Contains('.')).ToHashSet();
        var printedTop = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "published-figures.json")))!["top_in_preparation"]!["rows"]!.AsArray()
            .Select(r => r!["code"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(printedTop, codes);
    }

    [Fact]
    public async Task The_dataset_verifies_end_to_end_and_both_publications_digests_verify()
    {
        var report = await _api.GetJson("/api/communes/marrakech/ledger/verification");
        Assert.True(report["verified"]!.GetValue<bool>(), report["firstDifference"]?.ToJsonString());
        // every event the load appended in the commune (its registration lives in the registry)
        Assert.Equal(marrakech.Steps.Where(s => s.Kind != "Register").Sum(s => s.Events), report["events"]!.GetValue<int>());
        Assert.Equal(0, report["chainLag"]!.GetValue<int>());
        foreach (var year in new[] { 2023, 2024 })
        {
            var publication = await _api.GetJson($"{Reviews}/{year}/publication");
            var check = await _api.GetJson($"/api/communes/marrakech/ledger/verification?digest={publication["chainDigest"]!.GetValue<string>()}&sequence={publication["throughSequence"]!.GetValue<long>()}");
            Assert.True(check["digest"]!["leadsToIt"]!.GetValue<bool>(), check["digest"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task The_dataset_is_the_same_on_every_build_and_keeps_its_recorded_times()
    {
        Assert.Equal(JsonSerializer.Serialize(MarrakechDataset.Build(), EventLedger.Common.JsonDefaults.Options),
            JsonSerializer.Serialize(MarrakechDataset.Build(), EventLedger.Common.JsonDefaults.Options));
        var history = await _api.History("B1-4");
        var events = history["events"]!.AsArray();
        Assert.Equal(MarrakechDataset.ProgrammedAt.ToString(), events[0]!["recordedAt"]!.GetValue<string>());
        Assert.Equal(MarrakechDataset.Recorded2024.ToString(), events[1]!["recordedAt"]!.GetValue<string>());
        Assert.All(events, e => Assert.NotNull(e!["importedAt"]));
    }
}
