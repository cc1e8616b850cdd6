using System.Net.Mime;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using EventLedger.Projects;
using EventLedger.Tests.Reviews;
using EventLedger.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;
using Wolverine;
using Wolverine.Runtime;

namespace EventLedger.Tests.Integration;

/// <summary>Integration events on the PostgreSQL queue: CloudEvents envelopes, each ledger fact once, in order per project.</summary>
public sealed class IntegrationEventTests(QueueApp app) : IClassFixture<QueueApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Projects = "/api/communes/tiznit/projects";
    private static readonly string[] PublishedTypes =
        ["project_launched", "project_real_cost_recorded", "project_real_cost_revised", "project_completed", "project_cancelled", "project_programmed_cost_revised", "funds_mobilised", "fact_retracted"];

    public async Task InitializeAsync()
    {
        if ((await _api.GetJson("/api/communes")).AsArray().Count > 0) return;
        await SmallProgramme.Load(_api, app);
        await _api.Post($"{Projects}/X1-2/cancellation", new { effectiveDate = "2023-09-01", reason = "merged into X1-1" }, 200);
        await _api.Post($"{Projects}/Y1-1/programmed-cost", new { effectiveDate = "2023-09-02", programmedCost = 2_150_000.75m, reason = "council decision 2023-09" }, 200);
        await _api.Post($"{Projects}/Z1-1/costs", new { effectiveDate = "2023-09-03", realCost = 1_050_000.10m, reason = "amendment 1", document = "AV-1" }, 200);
        var cancellation = (await _api.History("X1-2", "tiznit"))["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "project_cancelled")!;
        await _api.Post($"{Projects}/X1-2/corrections", new { eventId = cancellation["id"]!.GetValue<string>(), reason = "the merger was not approved" }, 200);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The ledger's events of the published types, as the inspection query lists them.</summary>
    private async Task<List<JsonNode>> PublishedLedgerEvents()
    {
        var all = new List<JsonNode>();
        foreach (var type in PublishedTypes)
            all.AddRange((await _api.GetJson($"/api/communes/tiznit/inspection/events?type={type}&pageSize=1000"))["items"]!.AsArray().Select(e => e!));
        return all;
    }

    private static CloudEvent Decode(byte[] body) =>
        new JsonEventFormatter().DecodeStructuredModeMessage(new MemoryStream(body), new ContentType("application/cloudevents+json"), null);

    [Fact]
    public async Task Every_published_fact_arrives_once_as_a_CloudEvents_envelope_checked_field_by_field()
    {
        var ledger = (await PublishedLedgerEvents()).ToDictionary(e => e["eventId"]!.GetValue<string>());
        var received = (await app.Received.WaitFor(ledger.Count)).Select(b => (Body: b, Event: Decode(b))).ToList();
        var ours = received.Where(r => ledger.ContainsKey(r.Event.Id!)).ToList();
        Assert.Equal(ledger.Count, ours.Count);
        Assert.Equal(ours.Count, ours.Select(r => r.Event.Id).Distinct().Count());

        foreach (var (body, ce) in ours)
        {
            var fact = ledger[ce.Id!];
            Assert.Equal(CloudEventsSpecVersion.V1_0, ce.SpecVersion);
            Assert.Equal(new Uri("/communes/tiznit/programmes/PAC-2022-2027", UriKind.Relative), ce.Source);
            Assert.StartsWith("ma.eventledger.", ce.Type);
            Assert.EndsWith(".v1", ce.Type);
            Assert.Equal(DateTimeOffset.Parse(fact["recordedAt"]!.GetValue<string>()), ce.Time);
            Assert.Equal(fact["project"]?.GetValue<string>(), ce.Subject);
            Assert.Equal("application/json", ce.DataContentType);
            var data = JsonNode.Parse(body)!["data"]!;
            Assert.Equal(fact["effectiveDate"]!.GetValue<string>(), data["effectiveDate"]!.GetValue<string>());
            Assert.Equal("tiznit", data["commune"]!.GetValue<string>());
            Assert.Equal(fact["sequence"]!.GetValue<long>(), JsonNode.Parse(body)!["ledgersequence"]!.GetValue<long>());
        }

        var revised = ours.Select(r => JsonNode.Parse(r.Body)!).Single(b => b["data"]!["reason"]?.GetValue<string>() == "amendment 1")!;
        Assert.True(revised["data"]!["revised"]!.GetValue<bool>());
        Assert.Equal(1_050_000.10m, revised["data"]!["realCost"]!.GetValue<decimal>());
        Assert.Equal("amendment 1", revised["data"]!["reason"]!.GetValue<string>());

        // one example of each contract, as it goes on the wire, ids and times named by their role
        var examples = new JArray(ours.Select(r => JObject.Parse(System.Text.Encoding.UTF8.GetString(r.Body)))
            .GroupBy(o => o["type"]!.ToString() + (o["data"]!["revised"]?.ToString() ?? ""))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var o = g.First();
                o["id"] = "<ledger event id>";
                o["time"] = "<recorded time>";
                o["ledgersequence"] = "<ledger sequence>";
                if (o["data"]!["retractedEventId"] is not null) o["data"]!["retractedEventId"] = "<ledger event id of the retracted fact>";
                return o;
            }));
        Assert.Equal(8, examples.Count);
        var retraction = ours.Select(r => JsonNode.Parse(r.Body)!).Single(b => b["type"]!.GetValue<string>() == "ma.eventledger.fact.retracted.v1");
        var cancelled = ours.Select(r => JsonNode.Parse(r.Body)!).Single(b => b["type"]!.GetValue<string>() == "ma.eventledger.project.cancelled.v1");
        Assert.Equal(cancelled["id"]!.GetValue<string>(), retraction["data"]!["retractedEventId"]!.GetValue<string>());
        Snapshot.Match(examples);
    }

    [Fact]
    public async Task With_the_listener_stopped_a_burst_of_appends_is_delivered_after_it_returns_none_lost_none_twice_in_order_per_project()
    {
        var before = (await PublishedLedgerEvents()).Count;
        await app.Received.WaitFor(before);
        var runtime = app.Host.Services.GetRequiredService<IWolverineRuntime>();
        var listener = runtime.Endpoints.FindListeningAgent(EventLedger.Integration.IntegrationConfiguration.OutboundQueue)!;
        await listener.StopAndDrainAsync();
        var arrivedBefore = app.Received.All.Count;

        var writers = new[] { "X1-1", "Z1-1" }.Select(async code =>
        {
            for (var i = 1; i <= 10; i++)
                await _api.Post($"{Projects}/{code}/costs", new { effectiveDate = $"2023-10-{i:00}", realCost = 2_000_000m + i, reason = $"amendment {i + 1}" }, 200);
        });
        await Task.WhenAll(writers);
        await app.CatchUp();
        await Task.Delay(1500);
        Assert.Equal(arrivedBefore, app.Received.All.Count);

        await listener.StartAsync();
        var ledger = await PublishedLedgerEvents();
        Assert.Equal(before + 20, ledger.Count);
        var received = (await app.Received.WaitFor(ledger.Count)).Select(Decode).ToList();
        var ids = ledger.Select(e => e["eventId"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(ids.Count, received.Count(r => ids.Contains(r.Id!)));
        Assert.Equal(received.Count, received.Select(r => r.Id).Distinct().Count());
        foreach (var project in received.GroupBy(r => r.Subject))
        {
            var sequences = project.Select(r => long.Parse(r["ledgersequence"]!.ToString()!)).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }
    }

    [Fact]
    public async Task Finance_messages_on_the_queue_are_recorded_once_and_poison_goes_to_the_dead_letters()
    {
        using var scope = app.Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var inbox = bus.EndpointFor(new Uri($"postgresql://{EventLedger.Integration.IntegrationConfiguration.InboundQueue}"));
        EventLedger.Contracts.V1.FinanceCloudEvent Parse(string json) => System.Text.Json.JsonSerializer.Deserialize<EventLedger.Contracts.V1.FinanceCloudEvent>(json)!;
        await inbox.SendAsync(Parse(FinanceInboxTests.Message("payment-made", "X1-1", 1_000m, "Q-OP-1", commune: "tiznit")));
        await inbox.SendAsync(Parse(FinanceInboxTests.Message("payment-made", "X1-1", 1_000m, "Q-OP-1", commune: "tiznit")));
        await inbox.SendAsync(Parse(FinanceInboxTests.Message("payment-made", "NOPE-1", 5m, "Q-OP-2", commune: "tiznit")));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray letters = [];
        while (DateTime.UtcNow < deadline)
        {
            letters = (await _api.GetJson("/api/communes/tiznit/finance/dead-letters")).AsArray();
            if (letters.Count > 0) break;
            await Task.Delay(200);
        }
        var letter = Assert.Single(letters)!;
        Assert.Equal("queue", letter["channel"]!.GetValue<string>());
        Assert.Contains("has no project NOPE-1", letter["reason"]!.GetValue<string>());
        var money = (await _api.History("X1-1", "tiznit"))["events"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "project_money_recorded").ToList();
        Assert.Equal("Q-OP-1", Assert.Single(money)!["data"]!["document"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_append_whose_transaction_fails_stores_neither_the_event_nor_its_integration_message()
    {
        var store = app.Host.Services.GetRequiredService<IDocumentStore>();
        var key = Project.StreamKey("PAC-2022-2027", new EventLedger.Common.ProjectCode("Y1-1"));
        var shape = await _api.StreamShape("Y1-1", "tiznit");
        var launch = Guid.CreateVersion7();
        var taken = Guid.CreateVersion7().ToString();
        await using (var first = store.LightweightSession("tiznit"))
        {
            first.Insert(new EventLedger.Common.CommandReceipt { Id = taken, Fingerprint = "x", Status = 200, Stream = key, Version = 1, EventIds = [], RecordedAt = app.Clock.GetCurrentInstant() });
            await first.SaveChangesAsync();
        }

        await using (var session = store.LightweightSession("tiznit"))
        {
            var e = EventLedger.Common.Writes.Prepare(session, new EventLedger.Common.RequestMetadata("test", "failing", null, null), launch,
                new ProjectLaunched(new NodaTime.LocalDate(2023, 11, 1)), app.Clock.GetCurrentInstant());
            session.Events.Append(key, shape.Version + 1, e);
            // the same transaction then fails: a receipt whose key is taken
            session.Insert(new EventLedger.Common.CommandReceipt { Id = taken, Fingerprint = "y", Status = 200, Stream = key, Version = 2, EventIds = [launch], RecordedAt = app.Clock.GetCurrentInstant() });
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }

        await app.CatchUp();
        await Task.Delay(1500);
        Assert.Equal(shape, await _api.StreamShape("Y1-1", "tiznit"));
        Assert.DoesNotContain(app.Received.All.Select(Decode), r => r.Id == launch.ToString());
        await using var query = store.QuerySession("tiznit");
        Assert.False(await query.Events.QueryAllRawEvents().AnyAsync(x => x.Id == launch));
    }
}
