using System.Text.Json;
using System.Text.Json.Nodes;
using EventLedger.Tests.Reviews;
using EventLedger.Tests.Support;

namespace EventLedger.Tests.Integration;

/// <summary>Money facts from finance systems over HTTP: once per document, and every failure kept as a dead letter until replayed.</summary>
public sealed class FinanceInboxTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Finance = "/api/communes/tiznit/finance";

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static string Message(string type, string? project, decimal amount, string document, string currency = "MAD", string? commune = null) =>
        JsonSerializer.Serialize(new
        {
            specversion = "1.0",
            id = Guid.NewGuid().ToString(),
            source = "/treasury/tgr-marrakech",
            type = $"ma.eventledger.finance.{type}.v1",
            subject = project,
            datacontenttype = "application/json",
            data = new { commune, project, amount, currency, documentNumber = document, date = "2023-11-05" },
        });

    private async Task<int> MoneyFacts(string code) =>
        (await _api.History(code, "tiznit"))["events"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "project_money_recorded");

    private async Task<JsonNode> DeadLetter(Guid id) =>
        (await _api.GetJson($"{Finance}/dead-letters")).AsArray().Single(d => d!["id"]!.GetValue<Guid>() == id)!;

    [Fact]
    public async Task The_same_finance_document_twice_gives_one_fact()
    {
        var first = LedgerApi.Json(await _api.Post($"{Finance}/messages", Message("payment-made", "Z1-1", 250_000.40m, "OP-2023-0042"), 201));
        Assert.Equal("recorded", first["outcome"]!.GetValue<string>());
        var again = LedgerApi.Json(await _api.Post($"{Finance}/messages", Message("payment-made", "Z1-1", 250_000.40m, "OP-2023-0042"), 200));
        Assert.Equal("duplicate", again["outcome"]!.GetValue<string>());
        Assert.Equal(first["eventId"]!.GetValue<string>(), again["eventId"]!.GetValue<string>());

        Assert.Equal(1, await MoneyFacts("Z1-1"));
        var state = (await _api.GetJson("/api/communes/tiznit/projects/Z1-1"))["state"]!;
        Assert.Equal(250_000.40m, state["paid"]!.GetValue<decimal>());
        var fact = (await _api.History("Z1-1", "tiznit"))["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "project_money_recorded")!;
        Assert.Equal("OP-2023-0042", fact["data"]!["document"]!.GetValue<string>());
        Assert.Equal("finance:/treasury/tgr-marrakech", fact["actor"]!.GetValue<string>());

        // the same number for another kind of document is another document
        await _api.Post($"{Finance}/messages", Message("commitment-recorded", "Z1-1", 900_000m, "OP-2023-0042"), 201);
        Assert.Equal(2, await MoneyFacts("Z1-1"));
    }

    [Fact]
    public async Task A_message_for_an_unknown_project_waits_in_the_dead_letters_and_is_recorded_once_replayed()
    {
        var problem = LedgerApi.Json(await _api.Post($"{Finance}/messages", Message("payment-ordered", "Q1-1", 12_000m, "OV-77"), 404));
        Assert.Contains("has no project Q1-1", problem["detail"]!.GetValue<string>());
        var id = problem["deadLetterId"]!.GetValue<Guid>();
        var letter = await DeadLetter(id);
        Assert.Equal("dead", letter["status"]!.GetValue<string>());
        Assert.Contains("has no project Q1-1", letter["reason"]!.GetValue<string>());

        await _api.ProgrammeProject("Q1-1", "tiznit", 50_000m, "X", 2023);
        var replayed = LedgerApi.Json(await _api.Post($"{Finance}/dead-letters/{id}/replay", "", 201));
        Assert.Equal("recorded", replayed["outcome"]!.GetValue<string>());
        Assert.Equal("replayed", (await DeadLetter(id))["status"]!.GetValue<string>());
        Assert.Equal(1, await MoneyFacts("Q1-1"));
        await _api.Post($"{Finance}/dead-letters/{id}/replay", "", 409);
        Assert.Equal(1, await MoneyFacts("Q1-1"));
    }

    [Theory]
    [InlineData("EUR", 10, null, 422, "the currency must be MAD")]
    [InlineData("MAD", -5, null, 422, "the amount must be a positive number")]
    [InlineData("MAD", 10.005, null, 422, "at most two decimals")]
    [InlineData("MAD", 10, "safi", 422, "is for the commune 'safi'")]
    public async Task A_poison_message_is_a_problem_and_a_dead_letter_and_records_nothing(string currency, decimal amount, string? commune, int status, string reason)
    {
        var before = await MoneyFacts("X1-1");
        var problem = LedgerApi.Json(await _api.Post($"{Finance}/messages", Message("payment-made", "X1-1", amount, $"DOC-{Guid.NewGuid():N}", currency, commune), status));
        Assert.Contains(reason, problem["detail"]!.GetValue<string>());
        Assert.Contains(reason, (await DeadLetter(problem["deadLetterId"]!.GetValue<Guid>()))["reason"]!.GetValue<string>());
        Assert.Equal(before, await MoneyFacts("X1-1"));
    }

    [Fact]
    public async Task An_unreadable_message_is_kept_and_a_corrected_one_replays_it()
    {
        var problem = LedgerApi.Json(await _api.Post($"{Finance}/messages", "this is not a CloudEvent", 400));
        Assert.Contains("cannot be read", problem["detail"]!.GetValue<string>());
        var id = problem["deadLetterId"]!.GetValue<Guid>();
        Assert.Equal("this is not a CloudEvent", (await DeadLetter(id))["body"]!.GetValue<string>());

        var before = await MoneyFacts("X1-1");
        await _api.Post($"{Finance}/dead-letters/{id}/replay", Message("payment-made", "X1-1", 77m, "OP-FIXED-1"), 201);
        Assert.Equal(before + 1, await MoneyFacts("X1-1"));
        Assert.Equal("replayed", (await DeadLetter(id))["status"]!.GetValue<string>());
    }
}
