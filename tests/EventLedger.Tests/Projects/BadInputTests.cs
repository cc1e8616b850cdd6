using System.Text.Json.Nodes;
using EventLedger.Tests.Support;

namespace EventLedger.Tests.Projects;

/// <summary>Every refusal answers a ProblemDetails with the right status and a message to act on, and appends nothing.</summary>
public sealed class BadInputTests : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api;
    private const string Base = "/api/communes/marrakech/projects";

    public BadInputTests(LedgerApp app) => _api = new LedgerApi(app.Host);

    public async Task InitializeAsync()
    {
        if ((await _api.GetJson("/api/communes")).AsArray().Count > 0) return;
        await _api.RegisterCommune();
        await _api.AdoptProgramme();
        await _api.ProgrammeProject("B1-4");
        await _api.Post($"{Base}/B1-4/launch", new { effectiveDate = "2024-03-01" }, 200);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task Refused(string path, object body, int status, string? type, string detailContains, IDictionary<string, string>? headers = null, string? actor = LedgerApi.Actor)
    {
        var before = await _api.StreamShape("B1-4");
        var result = await _api.Post(path, body, status, headers, actor);
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        var problem = LedgerApi.Json(result);
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        if (type is not null) Assert.Equal(type, problem["type"]!.GetValue<string>());
        Assert.Contains(detailContains, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await _api.StreamShape("B1-4"));
    }

    [Theory]
    [InlineData("{\"effectiveDate\": ", "Path: $.effectiveDate")]
    [InlineData("{\"effectiveDate\": \"31/12/2024\"}", "Path: $.effectiveDate")]
    [InlineData("{\"realCost\": 10}", "effectiveDate is required")]
    [InlineData("{\"effectiveDate\": \"2024-05-01\"}", "realCost is required")]
    [InlineData("{\"effectiveDate\": \"2024-05-01\", \"realCost\": 10.005}", "at most two decimals")]
    public async Task Malformed_bodies_are_400(string body, string detail) =>
        // unreadable JSON is refused by the HTTP layer itself, with the path and position of the fault
        await Refused($"{Base}/B1-4/costs", body, 400, body.Contains("realCost") || body.Contains("2024-05-01") ? "/problems/malformed-request" : null, detail);

    [Fact]
    public async Task A_write_without_an_actor_is_400() =>
        await Refused($"{Base}/B1-4/costs", new { effectiveDate = "2024-05-01", realCost = 10m }, 400, "/problems/malformed-request", "X-Actor header is required", actor: null);

    [Fact]
    public async Task A_malformed_If_Match_is_400() =>
        await Refused($"{Base}/B1-4/costs", new { effectiveDate = "2024-05-01", realCost = 10m }, 400, "/problems/malformed-request", "If-Match",
            new Dictionary<string, string> { ["If-Match"] = "\"two\"" });

    [Fact]
    public async Task Unknown_commune_or_project_is_404()
    {
        await Refused("/api/communes/atlantis/projects/B1-4/launch", new { effectiveDate = "2024-05-01" }, 404, "/problems/not-found", "No commune 'atlantis'");
        await Refused($"{Base}/B9-99/launch", new { effectiveDate = "2024-05-01" }, 404, "/problems/not-found", "has no project B9-99");
        await Refused($"{Base}/B1-4/launch?programme=PAC-2030-2035", new { effectiveDate = "2024-05-01" }, 404, "/problems/not-found", "no programme 'PAC-2030-2035'");
    }

    [Fact]
    public async Task A_stale_version_is_409() =>
        await Refused($"{Base}/B1-4/costs", new { effectiveDate = "2024-05-01", realCost = 10m, expectedVersion = 1 }, 409, "/problems/stale-version", "it is now at version 2");

    [Fact]
    public async Task A_duplicate_project_code_is_409()
    {
        var result = await _api.Post(Base, new { code = "B1-4", titleAr = "خط", titleFr = "Ligne", orientation = "B", nature = "urban-development", district = "medina", year = 2024, owner = "CM", programmedCost = 5m }, 409);
        Assert.Contains("already has a project B1-4", LedgerApi.Json(result)["detail"]!.GetValue<string>());
        Assert.Equal((2, 2L), await _api.StreamShape("B1-4"));
    }

    [Fact]
    public async Task Completing_before_launching_is_422_on_the_state_at_the_effective_date() =>
        await Refused($"{Base}/B1-4/completion", new { effectiveDate = "2024-02-01" }, 422, "/problems/rule-refused", "only a launched project can be completed, and on 2024-02-01 the project is programmed");

    [Fact]
    public async Task A_negative_cost_is_422() =>
        await Refused($"{Base}/B1-4/costs", new { effectiveDate = "2024-05-01", realCost = -10m }, 422, "/problems/rule-refused", "a real cost cannot be negative");

    [Fact]
    public async Task An_effective_date_outside_the_programme_is_422() =>
        await Refused($"{Base}/B1-4/costs?programme=PAC-2023-2028", new { effectiveDate = "2022-05-01", realCost = 10m }, 422, "/problems/rule-refused", "outside the programme PAC-2023-2028");

    [Fact]
    public async Task An_unknown_orientation_is_422_and_creates_no_stream()
    {
        var result = await _api.Post(Base, new { code = "Z1-1", titleAr = "x", titleFr = "x", orientation = "Z", nature = "urban-development", district = "medina", year = 2024, owner = "CM", programmedCost = 5m }, 422);
        Assert.Contains("has no orientation 'Z'", LedgerApi.Json(result)["detail"]!.GetValue<string>());
        await _api.Get($"{Base}/Z1-1", 404);
    }

    [Fact]
    public async Task Retracting_an_unknown_fact_is_422() =>
        await Refused($"{Base}/B1-4/corrections", new { eventId = Guid.NewGuid(), reason = "typo" }, 422, "/problems/rule-refused", "no fact");

    [Fact]
    public async Task A_correction_cannot_move_a_project_to_another_code_or_programme()
    {
        var programmed = (await _api.History("B1-4"))["events"]!.AsArray().First()!;
        var replacement = programmed["data"]!.DeepClone();
        replacement["code"] = "B1-40";
        await Refused($"{Base}/B1-4/corrections", new { eventId = programmed["id"]!.GetValue<string>(), reason = "wrong code", replacement }, 422,
            "/problems/rule-refused", "cannot move the project to another code or programme");
        replacement["code"] = "B1-4";
        replacement["programme"] = "PAC-2029-2034";
        await Refused($"{Base}/B1-4/corrections", new { eventId = programmed["id"]!.GetValue<string>(), reason = "wrong programme", replacement }, 422,
            "/problems/rule-refused", "cannot move the project to another code or programme");
    }

    [Fact]
    public async Task A_malformed_state_query_is_400()
    {
        var problem = await _api.GetJson($"{Base}/B1-4?asOf=yesterday", 400);
        Assert.Contains("asOf must be a date as YYYY-MM-DD", problem["detail"]!.GetValue<string>());
        problem = await _api.GetJson($"{Base}/B1-4?knownAt=2025-01-01", 400);
        Assert.Contains("knownAt must be an instant", problem["detail"]!.GetValue<string>());
    }
}
