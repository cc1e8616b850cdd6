using System.Text.Json.Nodes;
using EventLedger.Tests.Support;
using NodaTime;

namespace EventLedger.Tests.Projects;

/// <summary>The write and read endpoints of a project, through HTTP on real PostgreSQL.</summary>
public sealed class ProjectEndpointsTests : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApp _app;
    private readonly LedgerApi _api;
    private const string Base = "/api/communes/marrakech/projects";

    public ProjectEndpointsTests(LedgerApp app)
    {
        _app = app;
        _api = new LedgerApi(app.Host);
    }

    public Task InitializeAsync() => _api.EnsureMarrakechProgramme();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string S(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public async Task A_project_goes_through_its_lifecycle_and_every_fact_is_in_its_history()
    {
        var recordedAt = _app.Clock.GetCurrentInstant();
        var created = await _api.ProgrammeProject("B1-10", programmedCost: 12_500_000.50m);
        Assert.Equal("programmed", S(created["state"]!["status"]));
        Assert.Equal(1, created["version"]!.GetValue<long>());

        await _api.Post($"{Base}/B1-10/preparation", new { effectiveDate = "2024-01-15", estimatedCost = 13_000_000m }, 200, new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        await _api.Post($"{Base}/B1-10/launch", new { effectiveDate = "2024-03-01", expectedVersion = 2 }, 200);
        await _api.Post($"{Base}/B1-10/costs", new { effectiveDate = "2024-06-30", realCost = 4_000_000.25m, document = "OP-2024-118" }, 200);
        await _api.Post($"{Base}/B1-10/costs", new { effectiveDate = "2024-07-31", realCost = 4_100_000m, reason = "amendment no. 1" }, 200);
        await _api.Post($"{Base}/B1-10/programmed-cost", new { effectiveDate = "2024-08-01", programmedCost = 13_500_000m, reason = "council decision 2024-08" }, 200);
        var completed = LedgerApi.Json(await _api.Post($"{Base}/B1-10/completion", new { effectiveDate = "2025-02-28", finalCost = 12_900_000.10m }, 200));

        var state = completed["state"]!;
        Assert.Equal("completed", S(state["status"]));
        Assert.Equal(12_900_000.10m, state["realCost"]!.GetValue<decimal>());
        Assert.Equal(13_500_000m, state["programmedCost"]!.GetValue<decimal>());
        Assert.Equal(13_000_000m, state["estimatedCost"]!.GetValue<decimal>());
        Assert.Equal("2024-03-01", S(state["launchedOn"]));

        var read = await _api.GetJson($"{Base}/B1-10");
        Assert.Equal(7, read["version"]!.GetValue<long>());
        Assert.Equal("completed", S(read["state"]!["status"]));

        var history = await _api.History("B1-10");
        var events = history["events"]!.AsArray();
        Assert.Equal(
            ["project_programmed", "project_preparation_started", "project_launched", "project_real_cost_recorded",
             "project_real_cost_revised", "project_programmed_cost_revised", "project_completed"],
            events.Select(e => S(e!["type"])).ToArray());
        Assert.All(events, e => Assert.Equal(LedgerApi.Actor, S(e!["actor"])));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(S(e!["correlationId"]))));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), events.Select(e => e!["version"]!.GetValue<long>()));
        var sequences = events.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal("2024-06-30", S(events[3]!["effectiveDate"]));
        Assert.Equal("OP-2024-118", S(events[3]!["data"]!["document"]));
        Assert.Equal(recordedAt, NodaTime.Text.InstantPattern.ExtendedIso.Parse(S(events[0]!["recordedAt"])).Value);
    }

    [Fact]
    public async Task Rescheduling_and_cancellation_are_recorded_with_their_reasons()
    {
        await _api.ProgrammeProject("B1-11", year: 2024);
        var rescheduled = LedgerApi.Json(await _api.Post($"{Base}/B1-11/rescheduling", new { effectiveDate = "2024-02-01", year = 2026, reason = "land not yet acquired" }, 200));
        Assert.Equal(2026, rescheduled["state"]!["year"]!.GetValue<int>());
        var cancelled = LedgerApi.Json(await _api.Post($"{Base}/B1-11/cancellation", new { effectiveDate = "2025-01-10", reason = "merged into B1-12" }, 200));
        Assert.Equal("cancelled", S(cancelled["state"]!["status"]));
        var history = await _api.History("B1-11");
        Assert.Equal("merged into B1-12", S(history["events"]![2]!["data"]!["reason"]));
    }

    [Fact]
    public async Task Projects_are_listed_and_filtered_by_orientation_nature_status_and_district()
    {
        await _api.ProgrammeProject("D9-1", orientation: "D");
        await _api.ProgrammeProject("D9-2", orientation: "D");
        await _api.Post($"{Base}/D9-2/launch", new { effectiveDate = "2024-05-05" }, 200);

        var orientationD = await _api.GetJson($"{Base}?orientation=D");
        Assert.Equal(["D9-1", "D9-2"], orientationD["items"]!.AsArray().Select(i => S(i!["state"]!["code"])).Order().ToArray());
        var launchedD = await _api.GetJson($"{Base}?orientation=D&status=launched&nature=urban-development&district=medina");
        Assert.Equal("D9-2", S(launchedD["items"]!.AsArray().Single()!["state"]!["code"]));
        Assert.Equal(0, (await _api.GetJson($"{Base}?orientation=D&district=gueliz"))["total"]!.GetValue<int>());
        await _api.Get($"{Base}?status=finished", 400);
    }

    [Fact]
    public async Task A_sub_project_names_its_parent_in_the_programme()
    {
        await _api.ProgrammeProject("C3-1", orientation: "C");
        var child = await _api.ProgrammeProject("C3-1.1", orientation: "C", parent: "C3-1");
        Assert.Equal("C3-1", S(child["state"]!["parent"]));
        var orphan = await _api.Post(Base, new { code = "C3-2.1", titleAr = "ف", titleFr = "f", orientation = "C", nature = "governance", district = "gueliz", year = 2024, owner = "CM", programmedCost = 5m, parent = "C3-2" }, 422);
        Assert.Contains("the parent project C3-2 is not in the programme", S(LedgerApi.Json(orphan)["detail"]));
    }

    [Fact]
    public async Task Two_concurrent_writers_on_one_project_one_wins_the_other_gets_409_and_no_event_is_lost_or_duplicated()
    {
        await _api.ProgrammeProject("B2-1");
        Task<Alba.IScenarioResult> Writer(string path, string body, string actor) => Task.Run(() => _app.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl($"{Base}/B2-1/{path}");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("X-Actor", actor);
            s.WithRequestHeader("If-Match", "\"1\"");
            s.IgnoreStatusCode();
        }));
        var launch = Writer("launch", "{\"effectiveDate\":\"2024-03-01\"}", "writer-a");
        var prepare = Writer("preparation", "{\"effectiveDate\":\"2024-02-01\",\"estimatedCost\":10}", "writer-b");
        var results = await Task.WhenAll(launch, prepare);
        var statuses = results.Select(r => r.Context.Response.StatusCode).Order().ToArray();
        Assert.Equal([200, 409], statuses);

        var (events, version) = await _api.StreamShape("B2-1");
        Assert.Equal(2, events);
        Assert.Equal(2, version);
        var loser = results.Single(r => r.Context.Response.StatusCode == 409);
        Assert.Equal("/problems/stale-version", S(LedgerApi.Json(loser)["type"]));
    }

    [Fact]
    public async Task An_idempotent_retry_appends_once_and_returns_the_first_result()
    {
        await _api.ProgrammeProject("B2-2");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "launch-B2-2-attempt" };
        var first = await _api.Post($"{Base}/B2-2/launch", new { effectiveDate = "2024-03-01" }, 200, key);
        _app.Clock.Advance(Duration.FromMinutes(5));
        var retry = await _api.Post($"{Base}/B2-2/launch", new { effectiveDate = "2024-03-01" }, 200, key);

        Assert.Equal(first.ReadAsText(), retry.ReadAsText());
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal((2, 2L), await _api.StreamShape("B2-2"));

        var reused = await _api.Post($"{Base}/B2-2/costs", new { effectiveDate = "2024-04-01", realCost = 5m }, 422, key);
        Assert.Equal("/problems/idempotency-key-reused", S(LedgerApi.Json(reused)["type"]));
        Assert.Equal((2, 2L), await _api.StreamShape("B2-2"));
    }

    [Fact]
    public async Task A_commune_sees_nothing_of_another_and_may_reuse_the_same_codes()
    {
        await _api.ProgrammeProject("A1-1");
        await _api.RegisterCommune("fes");
        await _api.Get($"/api/communes/fes/projects/A1-1", 404);
        await _api.Post("/api/communes/fes/projects/A1-1/launch", new { effectiveDate = "2024-03-01" }, 404);

        await _api.AdoptProgramme("fes");
        await _api.Get($"/api/communes/fes/projects/A1-1", 404);
        await _api.ProgrammeProject("A1-1", commune: "fes", programmedCost: 42m);
        Assert.Equal(42m, (await _api.GetJson("/api/communes/fes/projects/A1-1"))["state"]!["programmedCost"]!.GetValue<decimal>());
        Assert.Equal(1_000_000m, (await _api.GetJson($"{Base}/A1-1"))["state"]!["programmedCost"]!.GetValue<decimal>());
        Assert.Equal(1, (await _api.GetJson("/api/communes/fes/projects"))["total"]!.GetValue<int>());
        await _api.Get("/api/communes/nowhere/projects", 404);
    }

    [Fact]
    public async Task The_state_at_D_and_T_follows_late_records_and_retractions()
    {
        await _api.ProgrammeProject("B3-1");
        _app.Clock.Advance(Duration.FromDays(1));                       // T1 = 2025-07-01 09:00
        await _api.Post($"{Base}/B3-1/launch", new { effectiveDate = "2024-03-01" }, 200);
        _app.Clock.Advance(Duration.FromDays(10));                      // T2 = 2025-07-11: a 2024 cost learned late
        var cost = LedgerApi.Json(await _api.Post($"{Base}/B3-1/costs", new { effectiveDate = "2024-12-15", realCost = 800_000m }, 200));
        var costId = S(cost["events"]![0]!["id"]);
        _app.Clock.Advance(Duration.FromDays(10));                      // T3 = 2025-07-21: that cost retracted
        await _api.Post($"{Base}/B3-1/corrections", new { eventId = costId, reason = "invoice of another project" }, 200);

        async Task<JsonNode> At(string d, string t) => (await _api.GetJson($"{Base}/B3-1?asOf={d}&knownAt={t}"))["state"]!;

        var beforeLateRecord = await At("2024-12-31", "2025-07-05T00:00:00Z");
        Assert.Equal("launched", S(beforeLateRecord["status"]));
        Assert.Null(beforeLateRecord["realCost"]);

        var afterLateRecord = await At("2024-12-31", "2025-07-15T00:00:00Z");
        Assert.Equal(800_000m, afterLateRecord["realCost"]!.GetValue<decimal>());

        var afterRetraction = await At("2024-12-31", "2025-07-25T00:00:00Z");
        Assert.Null(afterRetraction["realCost"]);

        var beforeLaunch = await At("2024-02-29", "2025-07-15T00:00:00Z");
        Assert.Equal("programmed", S(beforeLaunch["status"]));
        await _api.Get($"{Base}/B3-1?asOf=2024-12-31&knownAt=2025-06-01T00:00:00Z", 404); // not yet known as programmed
    }

    [Fact]
    public async Task A_fact_superseded_by_a_correction_is_replaced_and_the_replacement_names_it()
    {
        await _api.ProgrammeProject("B3-2");
        var launch = LedgerApi.Json(await _api.Post($"{Base}/B3-2/launch", new { effectiveDate = "2024-03-01" }, 200));
        var launchId = S(launch["events"]![0]!["id"]);
        var corrected = LedgerApi.Json(await _api.Post($"{Base}/B3-2/corrections",
            new { eventId = launchId, reason = "launch order dated 2024-04-02", replacement = new { effectiveDate = "2024-04-02" } }, 200));
        Assert.Equal("2024-04-02", S(corrected["state"]!["launchedOn"]));
        var history = (await _api.History("B3-2"))["events"]!.AsArray();
        Assert.Equal(["project_programmed", "project_launched", "fact_retracted", "project_launched"], history.Select(e => S(e!["type"])).ToArray());
        Assert.Equal(launchId, S(history[3]!["headers"]!["supersedes"]));
        Assert.Equal("launch order dated 2024-04-02", S(history[2]!["data"]!["reason"]));
    }
}
