using System.Text.Json.Nodes;
using EventLedger.Tests.Support;

namespace EventLedger.Tests.Programmes;

/// <summary>A programme revision: projects added, dropped and revalued in one transaction, or nothing at all.</summary>
public sealed class ProgrammeRevisionTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Programme = "/api/communes/marrakech/programmes/PAC-2023-2028";
    private const string Projects = "/api/communes/marrakech/projects";

    public Task InitializeAsync() => _api.EnsureMarrakechProgramme();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Added(string code, decimal cost = 2_000_000m, string? parent = null) => new
    {
        code,
        titleAr = "مشروع " + code,
        titleFr = "Projet " + code,
        orientation = "A",
        nature = "governance",
        district = "gueliz",
        year = 2025,
        owner = "CM",
        programmedCost = cost,
        parent,
    };

    private async Task<long> ProgrammeVersion() => (await _api.GetJson(Programme))["version"]!.GetValue<long>();

    [Fact]
    public async Task A_revision_adds_drops_and_revalues_projects_in_one_transaction()
    {
        await _api.ProgrammeProject("A7-1");
        await _api.ProgrammeProject("A7-2", programmedCost: 3_000_000m);
        var before = await ProgrammeVersion();

        var result = LedgerApi.Json(await _api.Post($"{Programme}/revisions", new
        {
            effectiveDate = "2024-11-15",
            reason = "council deliberation 2024-11 no. 42",
            added = new[] { Added("A7-3"), Added("A7-3.1", 0m, parent: "A7-3") },
            dropped = new[] { "A7-1" },
            revalued = new[] { new { code = "A7-2", programmedCost = 3_250_000.40m } },
            expectedVersion = before,
        }, 200, new Dictionary<string, string> { ["X-Correlation-Id"] = "revision-42" }));

        var programme = result["programme"]!;
        Assert.Equal(before + 1, programme["version"]!.GetValue<long>());
        var revision = programme["revisionHistory"]!.AsArray().Last()!;
        var number = revision["revision"]!.GetValue<int>();
        Assert.Equal(programme["revisions"]!.GetValue<int>(), number);
        Assert.Equal(["A7-3", "A7-3.1"], revision["added"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["A7-1"], revision["dropped"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["A7-2"], revision["revalued"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(5, result["events"]!.AsArray().Count);

        var added = await _api.History("A7-3");
        var programmed = added["events"]!.AsArray().Single()!;
        Assert.Equal(number, programmed["data"]!["revision"]!.GetValue<int>());
        Assert.Equal("2024-11-15", programmed["effectiveDate"]!.GetValue<string>());
        Assert.Equal("revision-42", programmed["correlationId"]!.GetValue<string>());
        Assert.Equal("A7-3", (await _api.GetJson($"{Projects}/A7-3.1"))["state"]!["parent"]!.GetValue<string>());

        var dropped = await _api.GetJson($"{Projects}/A7-1");
        Assert.Equal("dropped", dropped["state"]!["status"]!.GetValue<string>());
        Assert.Equal("programmed", (await _api.GetJson($"{Projects}/A7-1?asOf=2024-11-14"))["state"]!["status"]!.GetValue<string>());
        Assert.Equal(3_250_000.40m, (await _api.GetJson($"{Projects}/A7-2"))["state"]!["programmedCost"]!.GetValue<decimal>());
        Assert.Equal("council deliberation 2024-11 no. 42",
            (await _api.History("A7-2"))["events"]!.AsArray().Last()!["data"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_revision_that_drops_a_launched_project_is_refused_whole()
    {
        await _api.ProgrammeProject("A8-1");
        await _api.Post($"{Projects}/A8-1/launch", new { effectiveDate = "2024-03-01" }, 200);
        var before = await ProgrammeVersion();

        var problem = LedgerApi.Json(await _api.Post($"{Programme}/revisions", new
        {
            effectiveDate = "2024-11-15",
            reason = "council deliberation",
            added = new[] { Added("A8-2") },
            dropped = new[] { "A8-1" },
        }, 422));

        Assert.Contains("dropped[0]: A8-1: only a project not yet launched can be dropped from the programme", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await ProgrammeVersion());
        await _api.Get($"{Projects}/A8-2", 404);
        Assert.Equal((2, 2), await _api.StreamShape("A8-1"));
    }

    [Fact]
    public async Task A_revision_adding_a_code_the_programme_has_is_a_conflict_and_appends_nothing()
    {
        await _api.ProgrammeProject("A9-1");
        var before = await ProgrammeVersion();

        var problem = LedgerApi.Json(await _api.Post($"{Programme}/revisions", new
        {
            effectiveDate = "2024-11-15",
            reason = "council deliberation",
            added = new[] { Added("A9-2"), Added("A9-1") },
        }, 409));

        Assert.Contains("already has a project A9-1", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await ProgrammeVersion());
        await _api.Get($"{Projects}/A9-2", 404);
    }

    [Theory]
    [InlineData("""{"effectiveDate":"2024-11-15","dropped":["A1-1"]}""", 400, "reason is required")]
    [InlineData("""{"effectiveDate":"2024-11-15","reason":"r"}""", 400, "at least one of added, dropped or revalued")]
    [InlineData("""{"effectiveDate":"2024-11-15","reason":"r","dropped":["A10-404"]}""", 422, "has no project A10-404")]
    [InlineData("""{"effectiveDate":"2030-01-01","reason":"r","dropped":["A10-404"]}""", 422, "in the future")]
    [InlineData("""{"effectiveDate":"2024-11-15","reason":"r","revalued":[{"code":"A10-1","programmedCost":-1}]}""", 422, "cannot be negative")]
    public async Task A_bad_revision_is_refused_with_a_problem_and_changes_nothing(string body, int status, string message)
    {
        if (!await _api.Exists($"{Projects}/A10-1")) await _api.ProgrammeProject("A10-1");
        var before = await ProgrammeVersion();

        var problem = LedgerApi.Json(await _api.Post($"{Programme}/revisions", body, status));

        Assert.Contains(message, problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await ProgrammeVersion());
        Assert.Equal((1, 1), await _api.StreamShape("A10-1"));
    }

    [Fact]
    public async Task A_revision_from_a_stale_programme_version_is_a_conflict()
    {
        var before = await ProgrammeVersion();
        await _api.ProgrammeProject("A11-1");
        await _api.Post($"{Programme}/revisions", new { effectiveDate = "2024-11-15", reason = "first", added = new[] { Added("A11-2") } }, 200,
            new Dictionary<string, string> { ["If-Match"] = $"\"{before}\"" });

        var problem = LedgerApi.Json(await _api.Post($"{Programme}/revisions", new { effectiveDate = "2024-11-16", reason = "second", dropped = new[] { "A11-1" } }, 409,
            new Dictionary<string, string> { ["If-Match"] = $"\"{before}\"" }));

        Assert.Contains($"at version {before}", problem["detail"]!.GetValue<string>());
        Assert.Equal("programmed", (await _api.GetJson($"{Projects}/A11-1"))["state"]!["status"]!.GetValue<string>());
    }
}
