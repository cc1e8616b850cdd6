using System.Text.Json.Nodes;
using EventLedger.Tests.Support;
using NodaTime;

namespace EventLedger.Tests.Audit;

/// <summary>
/// A scenario built through the API, with three actors over eight months, and what each audit and inspection query
/// returns for it: exactly the facts the scenario put there.
/// </summary>
public sealed class AuditScenarioTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Commune = "/api/communes/safi";
    private static readonly Instant Published = Instant.FromUtc(2026, 2, 1, 10, 0);
    private static readonly Instant Corrected = Instant.FromUtc(2026, 2, 10, 10, 0);

    public async Task InitializeAsync()
    {
        if ((await _api.GetJson("/api/communes")).AsArray().Count > 0) return;
        await _api.RegisterCommune("safi");
        await _api.AdoptProgramme("safi", "PAC-2025-2030", 2025, 2030, "2024-12-20");
        await _api.ProgrammeProject("S1-1", "safi", 1_000_000m, "A", 2025);
        await _api.ProgrammeProject("S1-2", "safi", 2_000_000m, "A", 2025);
        await _api.ProgrammeProject("S1-3", "safi", 500_000m, "A", 2025);
        var p = $"{Commune}/projects";
        await _api.Post($"{p}/S1-1/launch", new { effectiveDate = "2025-06-01" }, 200, actor: "unit/a");
        await _api.Post($"{p}/S1-1/costs", new { effectiveDate = "2025-06-15", realCost = 1_200_000m }, 200, actor: "unit/a");
        await _api.Post($"{p}/S1-1/completion", new { effectiveDate = "2025-06-20" }, 200, actor: "unit/a");
        await _api.Post($"{p}/S1-2/launch", new { effectiveDate = "2025-01-10" }, 200, actor: "unit/b");
        await _api.Post($"{p}/S1-2/costs", new { effectiveDate = "2025-06-30", realCost = 1_900_000m }, 200, actor: "unit/b");

        app.Clock.Reset(Published);
        await app.CatchUp();
        await _api.Post($"{Commune}/reviews/2025/publication", new { }, 201);

        app.Clock.Reset(Corrected);
        var completion = (await _api.History("S1-1", "safi"))["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "project_completed")!;
        await _api.Post($"{p}/S1-1/corrections", new { eventId = completion["id"]!.GetValue<string>(), reason = "handover not signed" }, 200, actor: "auditor/c");
        await _api.Post($"{p}/S1-3/launch", new { effectiveDate = "2025-11-15" }, 200, actor: "unit/a");
        await app.CatchUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonArray> Items(string query) => (await _api.GetJson($"{Commune}/inspection/{query}"))["items"]!.AsArray();

    private static string[] Of(JsonArray items, string field, string? inner = "event") =>
        items.Select(i => (inner is null ? i![field] : i![inner]![field])!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Events_are_found_by_actor_type_project_and_recorded_time_a_page_at_a_time()
    {
        var byActor = await Items("events?actor=unit/b");
        Assert.Equal(["project_launched", "project_real_cost_recorded"], Of(byActor, "type", null));
        Assert.All(byActor, e => Assert.Equal("S1-2", e!["project"]!.GetValue<string>()));

        Assert.Equal(["S1-1", "S1-2", "S1-3"], Of(await Items("events?type=project_launched"), "project", null));
        Assert.Equal(["project_programmed", "project_launched", "project_real_cost_recorded", "project_completed", "fact_retracted"],
            Of(await Items("events?project=S1-1"), "type", null));
        Assert.Equal(["fact_retracted", "project_launched"], Of(await Items("events?from=2026-02-05T00:00:00Z"), "type", null));

        var page = await _api.GetJson($"{Commune}/inspection/events?project=S1-1&pageSize=2&page=2");
        Assert.Equal(5, page["total"]!.GetValue<int>());
        Assert.Equal(["project_real_cost_recorded", "project_completed"], Of(page["items"]!.AsArray(), "type", null));
    }

    [Fact]
    public async Task Late_records_are_the_facts_recorded_more_than_n_days_after_their_effective_date()
    {
        var launches = await Items("late-records?days=90&type=project_launched");
        Assert.Equal(["S1-2"], Of(launches, "project"));
        Assert.Equal(171, launches.Single()!["daysLate"]!.GetValue<int>());
        Assert.Equal(["S1-2", "S1-3"], Of(await Items("late-records?days=80&type=project_launched"), "project"));

        // the programme and its projects were recorded on 2025-06-30, effective at the adoption of 2024-12-20
        var all = await Items("late-records?days=90");
        Assert.Equal(["programme_adopted", "project_programmed", "project_programmed", "project_programmed", "project_launched"], Of(all, "type"));
        Assert.All(all.Take(4), r => Assert.Equal(192, r!["daysLate"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Retroactive_changes_are_the_facts_recorded_after_a_publication_that_reach_into_its_period()
    {
        var changes = await Items("retroactive-changes?year=2025");
        Assert.Equal(["fact_retracted", "project_launched"], Of(changes, "type"));
        Assert.Equal(["S1-1", "S1-3"], Of(changes, "project"));
        Assert.Equal("2025-06-20", changes[0]!["affectsDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cost_overruns_stalled_projects_and_retractions()
    {
        var overruns = await Items("cost-overruns?percent=10");
        Assert.Equal(["S1-1"], Of(overruns, "project", null));
        Assert.Equal(20m, overruns.Single()!["overrunPercent"]!.GetValue<decimal>());
        Assert.Empty(await Items("cost-overruns?percent=25"));

        Assert.Equal(["S1-2"], Of(await Items("stalled-projects?months=6&asOf=2026-02-10"), "project", null));

        var retraction = Assert.Single(await Items("retractions"))!;
        Assert.Equal("S1-1", retraction["event"]!["project"]!.GetValue<string>());
        Assert.Equal("project_completed", retraction["retractedType"]!.GetValue<string>());
        Assert.True(retraction["regression"]!.GetValue<bool>());
        Assert.Equal(("completed", "launched"), (retraction["statusBefore"]!.GetValue<string>(), retraction["statusAfter"]!.GetValue<string>()));
        Assert.Equal(("auditor/c", "handover not signed"), (retraction["event"]!["actor"]!.GetValue<string>(), retraction["event"]!["reason"]!.GetValue<string>()));

        var csv = (await _api.Get($"{Commune}/inspection/retractions?format=csv")).ReadAsText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.Contains("event.actor", csv[0]);
        Assert.Contains("auditor/c", csv[1]);
    }

    [Fact]
    public async Task A_correction_after_a_publication_shows_in_the_changes_with_its_actor_and_reason_and_leaves_the_publication_as_it_was()
    {
        var changes = await _api.GetJson($"{Commune}/reviews/2025/changes");
        Assert.Equal(Published.ToString(), changes["from"]!.GetValue<string>());
        var figures = changes["figures"]!.AsArray().ToDictionary(f => f!["figure"]!.GetValue<string>());
        Assert.Equal((1m, 0m), (figures["completed.count"]!["before"]!.GetValue<decimal>(), figures["completed.count"]!["after"]!.GetValue<decimal>()));
        Assert.Equal((1m, 3m), (figures["inProgress.count"]!["before"]!.GetValue<decimal>(), figures["inProgress.count"]!["after"]!.GetValue<decimal>()));
        var why = figures["completed.count"]!["events"]!.AsArray().Single()!;
        Assert.Equal(("fact_retracted", "S1-1", "auditor/c", "handover not signed"),
            (why["type"]!.GetValue<string>(), why["project"]!.GetValue<string>(), why["actor"]!.GetValue<string>(), why["reason"]!.GetValue<string>()));
        Assert.Equal(Corrected.ToString(), why["recordedAt"]!.GetValue<string>());
        Assert.Equal(["S1-1", "S1-3"], figures["inProgress.count"]!["events"]!.AsArray().Select(e => e!["project"]!.GetValue<string>()).Order());
        Assert.False(figures.ContainsKey("programme.projects.count"));

        var publication = await _api.GetJson($"{Commune}/reviews/2025/publication");
        var reproduction = await _api.GetJson($"{Commune}/reviews/2025/reproduction");
        Assert.True(reproduction["equal"]!.GetValue<bool>());
        Assert.Equal(publication["sha256"]!.GetValue<string>(), reproduction["reproducedSha256"]!.GetValue<string>());

        var project = await _api.GetJson($"{Commune}/projects/S1-1/changes");
        var attributes = project["attributes"]!.AsArray().ToDictionary(a => a!["attribute"]!.GetValue<string>());
        Assert.Equal(("completed", "launched"), (attributes["status"]!["before"]!.GetValue<string>(), attributes["status"]!["after"]!.GetValue<string>()));
        Assert.Equal(["fact_retracted"], project["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("inspection/late-records", 400, "days is required")]
    [InlineData("inspection/late-records?days=-1", 400, "days cannot be negative")]
    [InlineData("inspection/retroactive-changes", 400, "year is required")]
    [InlineData("inspection/retroactive-changes?year=2026", 404, "has not been published")]
    [InlineData("inspection/stalled-projects", 400, "months is required")]
    [InlineData("inspection/events?pageSize=0", 400, "pageSize must be between 1 and 1000")]
    [InlineData("inspection/events?from=monday", 400, "from must be an instant")]
    [InlineData("inspection/gossip", 404, "no inspection query 'gossip'")]
    [InlineData("reviews/2026/changes", 400, "from is required")]
    [InlineData("reviews/2025/changes?from=2026-02-05T00:00:00Z&to=2026-01-01T00:00:00Z", 400, "is before from")]
    [InlineData("ledger/verification?digest=abc", 400, "digest and sequence go together")]
    public async Task A_bad_audit_query_is_a_problem(string path, int status, string detail)
    {
        var problem = await _api.GetJson($"{Commune}/{path}", status);
        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }
}
