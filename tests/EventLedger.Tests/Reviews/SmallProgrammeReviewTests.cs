using System.Text.Json.Nodes;
using EventLedger.Tests.Support;

namespace EventLedger.Tests.Reviews;

/// <summary>
/// Another commune, another programme (three orientations, 2022-2027): its reviews are computed from its own facts, and
/// a publication is frozen and reproduced. Nothing of Marrakech is assumed.
/// </summary>
public sealed class SmallProgrammeReviewTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Commune = "/api/communes/tiznit";
    private const string Programme = "PAC-2022-2027";

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static decimal? Value(JsonNode review, string table, string row, string? column = null)
    {
        var t = review["content"]!["tables"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == table)!;
        var columns = t["columns"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()).ToList();
        var r = t["rows"]!.AsArray().Single(x => x!["key"]!.GetValue<string>() == row)!;
        var cell = r["cells"]![column is null ? 0 : columns.IndexOf(column)]!;
        return cell["value"]?.GetValue<decimal>();
    }

    [Fact]
    public async Task The_review_of_a_year_folds_the_facts_effective_by_its_end()
    {
        var review = await _api.GetJson($"{Commune}/reviews/2023");
        Assert.Equal("projections", review["source"]!["kind"]!.GetValue<string>());
        Assert.Equal(["1", "2", "3", "total"], review["content"]!["tables"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "2-3-count")!["columns"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()));

        Assert.Equal(4m, Value(review, "2-1", "programme.projects.count"));
        Assert.Equal(6_500_000.10m, Value(review, "1", "programme.cost"));
        Assert.Equal(1m, Value(review, "2-1", "completed.count"));
        Assert.Equal(1m, Value(review, "2-1", "inProgress.count"));
        Assert.Equal(2m, Value(review, "2-1", "started.count"));
        Assert.Equal(50m, Value(review, "2-1", "progress.count.percent"));
        Assert.Equal(1_450_000m, Value(review, "2-2", "started.realCost"));
        Assert.Equal(decimal.Round(1_450_000m / 6_500_000.10m * 100m, 10), Value(review, "2-2", "progress.cost.percent"));
        Assert.Equal(450_000m, Value(review, "2-3-cost", "completed.realCost", "1"));
        Assert.Equal(1_000_000m, Value(review, "2-3-cost", "inProgress.realCost", "3"));
        Assert.Equal(0m, Value(review, "2-3-count", "started.count", "2"));
        Assert.Equal(1m, Value(review, "2-4", "subprojects.started.count", "urban-development"));
        Assert.Equal(3m, Value(review, "2-4", "startedWithSubprojects.count"));
        Assert.Equal(1m, Value(review, "2-5", "inPreparation.count"));
        Assert.Equal(2_100_000m, Value(review, "2-5", "inPreparation.estimatedCost"));
        Assert.Equal(25m, Value(review, "2-5", "inPreparation.percentOfProgrammeCount"));
        Assert.Equal(1m, Value(review, "2-5", "inPreparation.phase1.count"));
        Assert.Equal(1_000_000m, Value(review, "3-1", "financing.mobilized.total"));
        Assert.Equal(30m, Value(review, "3-1", "financing.share.ownResources.percent"));
        Assert.Equal(1_000_000m, Value(review, "3-2", "financing.planned.2022-2024"));
        Assert.Equal(300_000m, Value(review, "3-2", "financing.mobilizedAgainstPlan"));
        Assert.Equal(30m, Value(review, "3-2", "financing.commitmentRate.percent"));
        Assert.Equal(1m, Value(review, "4-2", "partnerships.cofunded.count"));
        Assert.Equal(700_000m, Value(review, "4-2", "partnerships.envelope"));
    }

    [Fact]
    public async Task Projections_and_a_replay_of_raw_events_give_the_same_review()
    {
        var knownAt = app.Clock.GetCurrentInstant().ToString();
        var served = await _api.GetJson($"{Commune}/reviews/2023?knownAt={knownAt}");
        var replayed = await _api.GetJson($"{Commune}/reviews/2023?knownAt={knownAt}&source=raw-events");
        Assert.Equal("raw-events", replayed["source"]!["kind"]!.GetValue<string>());
        Assert.Equal(served["sha256"]!.GetValue<string>(), replayed["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Years_before_the_facts_and_after_them_compute_too()
    {
        var first = await _api.GetJson($"{Commune}/reviews/2022");
        Assert.Equal(4m, Value(first, "2-1", "programme.projects.count"));
        Assert.Equal(0m, Value(first, "2-1", "started.count"));
        Assert.Equal(0m, Value(first, "3-1", "financing.mobilized.total"));
        var percent = first["content"]!["tables"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "3-1")!["rows"]!.AsArray()
            .Single(r => r!["key"]!.GetValue<string>() == "financing.share.ownResources.percent")!["cells"]![0]!;
        Assert.Contains("no funds", percent["notDerivable"]!.GetValue<string>());

        var last = await _api.GetJson($"{Commune}/reviews/2027");
        Assert.Equal(2m, Value(last, "2-1", "started.count"));
        var problem = await _api.GetJson($"{Commune}/reviews/2028", 404);
        Assert.Contains("2022-2027", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_table_is_exported_as_csv()
    {
        var csv = (await _api.Get($"{Commune}/reviews/2023/tables/2-3-cost.csv")).ReadAsText();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("row,label_ar,label_fr,1,1_exact,2,2_exact,3,3_exact,total,total_exact", lines[0]);
        Assert.StartsWith("completed.realCost,انتهى,Achevés,0.45,450000.00,0.00,0.00,0.00,0.00,0.45,450000.00", lines[1]);
        await _api.Get($"{Commune}/reviews/2023/tables/9-9.csv", 404);
    }
}

/// <summary>The publication of the small programme's review, in a ledger of its own (it records a correction).</summary>
public sealed class SmallProgrammePublicationTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Commune = "/api/communes/tiznit";

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    private static decimal? Value(JsonNode review, string table, string row, string? column = null) => SmallProgrammeReviewTests.Value(review, table, row, column);

    [Fact]
    public async Task A_publication_is_frozen_and_a_later_correction_changes_neither_it_nor_its_reproduction()
    {
        var published = LedgerApi.Json(await _api.Post($"{Commune}/reviews/2023/publication", new { title = "Évaluation 2023" }, 201));
        var hash = published["sha256"]!.GetValue<string>();
        Assert.Equal(2m, published["content"]!["tables"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "2-1")!["rows"]!.AsArray()
            .Single(r => r!["key"]!.GetValue<string>() == "started.count")!["cells"]![0]!["value"]!.GetValue<decimal>());
        await _api.Post($"{Commune}/reviews/2023/publication", new { }, 409);

        app.Clock.AdvanceDays(1);
        var completion = (await _api.History("X1-1", "tiznit"))["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "project_completed")!;
        await _api.Post($"{Commune}/projects/X1-1/corrections", new { eventId = completion["id"]!.GetValue<string>(), reason = "handover not signed" }, 200);
        await app.CatchUp();

        var now = await _api.GetJson($"{Commune}/reviews/2023");
        Assert.Equal(0m, Value(now, "2-1", "completed.count"));
        var frozen = await _api.GetJson($"{Commune}/reviews/2023/publication");
        Assert.Equal(hash, frozen["sha256"]!.GetValue<string>());
        var reproduction = await _api.GetJson($"{Commune}/reviews/2023/reproduction");
        Assert.True(reproduction["equal"]!.GetValue<bool>());
        Assert.Equal(hash, reproduction["reproducedSha256"]!.GetValue<string>());
        Assert.Empty(reproduction["differences"]!.AsArray());
    }
}

/// <summary>Tiznit's programme 2022-2027 (three orientations X, Y, Z) and a year of facts, through the API.</summary>
public static class SmallProgramme
{
    private const string Commune = "/api/communes/tiznit";
    private const string Programme = "PAC-2022-2027";

    public static async Task Load(LedgerApi _api, LedgerApp app)
    {
        if ((await _api.GetJson("/api/communes")).AsArray().Count > 0) return;
        await _api.RegisterCommune("tiznit");
        await _api.AdoptProgramme("tiznit", Programme, 2022, 2027, "2021-12-20", ["X", "Y", "Z"]);
        async Task Project(string code, decimal cost, string orientation, int year = 2023, string? parent = null) =>
            await _api.ProgrammeProject(code, "tiznit", cost, orientation, year, parent);
        await Project("X1-1", 1_000_000.10m, "X");
        await Project("X1-2", 500_000m, "X", 2026);
        await Project("Y1-1", 2_000_000m, "Y");
        await Project("Z1-1", 3_000_000m, "Z");
        await Project("Z1-1.1", 0m, "Z", parent: "Z1-1");

        var projects = $"{Commune}/projects";
        await _api.Post($"{projects}/X1-1/launch", new { effectiveDate = "2023-03-01" }, 200);
        await _api.Post($"{projects}/X1-1/costs", new { effectiveDate = "2023-03-01", realCost = 400_000.05m }, 200);
        await _api.Post($"{projects}/X1-1/completion", new { effectiveDate = "2023-10-10", finalCost = 450_000m }, 200);
        await _api.Post($"{projects}/Y1-1/preparation", new { effectiveDate = "2023-05-01", estimatedCost = 2_100_000m }, 200);
        await _api.Post($"{projects}/Z1-1/launch", new { effectiveDate = "2023-06-01" }, 200);
        await _api.Post($"{projects}/Z1-1/costs", new { effectiveDate = "2023-06-01", realCost = 1_000_000m }, 200);
        await _api.Post($"{projects}/Z1-1.1/launch", new { effectiveDate = "2023-07-01" }, 200);

        var financing = $"{Commune}/programmes/{Programme}/financing";
        await _api.Post($"{financing}/plans", new { effectiveDate = "2021-12-20", firstYear = 2022, lastYear = 2024, amount = 1_000_000m }, 200);
        await _api.Post($"{financing}/agreements", new { effectiveDate = "2023-02-01", number = "A-1", titleAr = "اتفاقية", titleFr = "Convention", kind = "cofunded", envelope = 700_000m, partners = new[] { "Région Souss-Massa" } }, 200);
        await _api.Post($"{financing}/funds", new { effectiveDate = "2023-04-01", source = "own-resources", amount = 300_000m, reference = "OV-1", plan = "2022-2024" }, 200);
        await _api.Post($"{financing}/funds", new { effectiveDate = "2023-04-02", source = "partnerships", amount = 700_000m, reference = "OV-2", agreement = "A-1" }, 200);
        await app.CatchUp();
    }
}
