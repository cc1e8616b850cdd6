using EventLedger.Tests.Support;
using Newtonsoft.Json.Linq;
using Npgsql;
using Snapshooter.Xunit;

namespace EventLedger.Tests.Projects;

public sealed class ImportingHistoryTests : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApp _app;
    private readonly LedgerApi _api;
    private const string Base = "/api/communes/marrakech";

    public ImportingHistoryTests(LedgerApp app)
    {
        _app = app;
        _api = new LedgerApi(app.Host);
    }

    public Task InitializeAsync() => _api.EnsureMarrakechProgramme();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Programmed(string code) => new
    {
        type = "project_programmed",
        recordedAt = "2023-01-05T10:00:00Z",
        data = new
        {
            programme = "PAC-2023-2028", code, effectiveDate = "2022-12-26", title = new { ar = "مشروع", fr = "Projet" },
            orientation = "B", nature = "urban-development", district = "gueliz", year = 2023, owner = "CM", programmedCost = 2_000_000m,
        },
    };

    [Fact]
    public async Task Imported_facts_keep_their_original_recorded_time_which_the_state_at_D_and_T_uses()
    {
        var import = new
        {
            projects = new[]
            {
                new
                {
                    code = "B5-1",
                    facts = new object[]
                    {
                        Programmed("B5-1"),
                        new { type = "project_launched", recordedAt = "2023-05-02T08:30:00Z", data = new { effectiveDate = "2023-04-20" } },
                        new { type = "project_real_cost_recorded", recordedAt = "2024-01-20T08:30:00Z", data = new { effectiveDate = "2023-12-31", realCost = 750_000.40m } },
                    },
                },
            },
        };
        var result = LedgerApi.Json(await _api.Post($"{Base}/imports", import, 201));
        Assert.Equal(3, result["events"]!.GetValue<int>());

        // the event timestamp carries the original recorded time (Rich append mode keeps what the application sets)
        var history = (await _api.History("B5-1"))["events"]!.AsArray();
        Assert.Equal(["2023-01-05T10:00:00Z", "2023-05-02T08:30:00Z", "2024-01-20T08:30:00Z"], history.Select(e => e!["recordedAt"]!.GetValue<string>()).ToArray());
        Assert.All(history, e => Assert.Equal(_app.Clock.GetCurrentInstant().ToString(), e!["importedAt"]!.GetValue<string>()));

        var atEndOf2023KnownInJanuary = await _api.GetJson($"{Base}/projects/B5-1?asOf=2023-12-31&knownAt=2024-01-10T00:00:00Z");
        Assert.Null(atEndOf2023KnownInJanuary["state"]!["realCost"]);
        var atEndOf2023KnownInFebruary = await _api.GetJson($"{Base}/projects/B5-1?asOf=2023-12-31&knownAt=2024-02-01T00:00:00Z");
        Assert.Equal(750_000.40m, atEndOf2023KnownInFebruary["state"]!["realCost"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task An_import_with_one_bad_fact_imports_nothing()
    {
        var import = new
        {
            projects = new[]
            {
                new { code = "B5-2", facts = new object[] { Programmed("B5-2") } },
                new
                {
                    code = "B5-3",
                    facts = new object[]
                    {
                        Programmed("B5-3"),
                        new { type = "project_completed", recordedAt = "2023-05-02T08:30:00Z", data = new { effectiveDate = "2023-04-20" } },
                    },
                },
            },
        };
        var problem = LedgerApi.Json(await _api.Post($"{Base}/imports", import, 422));
        Assert.Contains("projects[1].facts[1] (B5-3): only a launched project can be completed", problem["detail"]!.GetValue<string>());
        await _api.Get($"{Base}/projects/B5-2", 404);
        await _api.Get($"{Base}/projects/B5-3", 404);
    }

    [Fact]
    public async Task The_stored_json_of_every_event_type_is_kept_as_a_snapshot()
    {
        await _api.ProgrammeProject("B6-1", year: 2024);
        await _api.Post($"{Base}/projects/B6-1/rescheduling", new { effectiveDate = "2024-01-10", year = 2025, reason = "studies late" }, 200);
        await _api.Post($"{Base}/projects/B6-1/preparation", new { effectiveDate = "2024-02-01", estimatedCost = 1_100_000m }, 200);
        await _api.Post($"{Base}/projects/B6-1/launch", new { effectiveDate = "2024-03-01" }, 200);
        await _api.Post($"{Base}/projects/B6-1/costs", new { effectiveDate = "2024-04-01", realCost = 300_000.55m, document = "OV-17" }, 200);
        var cost = LedgerApi.Json(await _api.Post($"{Base}/projects/B6-1/costs", new { effectiveDate = "2024-05-01", realCost = 320_000m, reason = "amendment 1", document = "AV-1" }, 200));
        await _api.Post($"{Base}/projects/B6-1/programmed-cost", new { effectiveDate = "2024-05-02", programmedCost = 1_200_000m, reason = "council decision" }, 200);
        await _api.Post($"{Base}/projects/B6-1/corrections", new { eventId = cost["events"]![0]!["id"]!.GetValue<string>(), reason = "wrong order number", effectiveDate = "2024-05-03" }, 200);
        await _api.Post($"{Base}/projects/B6-1/completion", new { effectiveDate = "2024-12-20", finalCost = 1_150_000m }, 200);
        await _api.Post($"{Base}/finance/messages", EventLedger.Tests.Integration.FinanceInboxTests.Message("payment-made", "B6-1", 1_150_000m, "OP-B6-1").Replace("2023-11-05", "2024-12-22"), 201);
        await _api.ProgrammeProject("B6-2", year: 2024);
        await _api.Post($"{Base}/projects/B6-2/cancellation", new { effectiveDate = "2024-06-01", reason = "merged into B6-1" }, 200);
        await _api.ProgrammeProject("B6-3", year: 2025);
        await _api.Post($"{Base}/programmes/PAC-2023-2028/revisions", new
        {
            effectiveDate = "2024-12-20",
            reason = "council deliberation 2024-12",
            added = new[]
            {
                new { code = "B6-4", titleAr = "مشروع B6-4", titleFr = "Projet B6-4", orientation = "B", nature = "governance", district = "gueliz", year = 2026, owner = "CM", programmedCost = 2_000_000m },
            },
            dropped = new[] { "B6-3" },
            revalued = new[] { new { code = "B6-1", programmedCost = 1_250_000m } },
        }, 200);

        await using var connection = new NpgsqlConnection(LedgerApp.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"select type, data::text, id from {_app.Schema}.mt_events where (stream_id like 'PAC-2023-2028:B6-%' or type = 'programme_revised') order by seq_id", connection);
        var rows = new List<(string Type, string Data, Guid Id)>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2)));

        // ids are made at append time: name them by their position so the snapshot holds only the contract
        var names = rows.Select((r, i) => (r.Id, Name: $"<event {i + 1}>")).ToDictionary(p => p.Id.ToString(), p => p.Name);
        var stored = new JArray(rows.Select(r =>
        {
            var data = JObject.Parse(r.Data);
            if (data["retractedEventId"] is JValue id) data["retractedEventId"] = names[id.ToString()];
            return new JObject { ["type"] = r.Type, ["data"] = data };
        }));
        Assert.Equal(17, stored.Count);
        Snapshot.Match(stored);
    }
}
