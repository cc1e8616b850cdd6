using System.Net.Mime;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using EventLedger.Tests.Reviews;
using EventLedger.Tests.Support;

namespace EventLedger.Tests.Integration;

/// <summary>With RabbitMQ configured, integration events go to its exchange; a broker that stops during a burst loses nothing.</summary>
public sealed class RabbitMqTests(RabbitApp app) : IClassFixture<RabbitApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Projects = "/api/communes/tiznit/projects";

    public async Task InitializeAsync()
    {
        await app.DeclareConsumer();
        await SmallProgramme.Load(_api, app);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static CloudEvent Decode(byte[] body) =>
        new JsonEventFormatter().DecodeStructuredModeMessage(new MemoryStream(body), new ContentType("application/cloudevents+json"), null);

    [Fact]
    public async Task A_finance_message_read_from_the_RabbitMQ_queue_becomes_one_money_fact()
    {
        await using (var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(RabbitApp.Uri) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var body = System.Text.Encoding.UTF8.GetBytes(FinanceInboxTests.Message("payment-made", "Z1-1", 42_000.50m, "RMQ-OP-1", commune: "tiznit"));
            var properties = new RabbitMQ.Client.BasicProperties { ContentType = "application/json" };
            for (var i = 0; i < 2; i++)
                await channel.BasicPublishAsync("", EventLedger.Integration.IntegrationConfiguration.InboundRabbitQueue, false, properties, body);
            await channel.BasicPublishAsync("", EventLedger.Integration.IntegrationConfiguration.InboundRabbitQueue, false, properties,
                System.Text.Encoding.UTF8.GetBytes("{ this is not json"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var money = new List<System.Text.Json.Nodes.JsonNode>();
        while (DateTime.UtcNow < deadline)
        {
            money = (await _api.History("Z1-1", "tiznit"))["events"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "project_money_recorded").Select(e => e!).ToList();
            if (money.Count > 0) break;
            await Task.Delay(200);
        }
        await Task.Delay(1000);
        money = (await _api.History("Z1-1", "tiznit"))["events"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "project_money_recorded").Select(e => e!).ToList();
        var fact = Assert.Single(money);
        Assert.Equal(42_000.50m, fact["data"]!["amount"]!.GetValue<decimal>());

        var letters = (await _api.GetJson("/api/communes/tiznit/finance/dead-letters")).AsArray();
        Assert.Empty(letters);
        var unread = (await _api.GetJson("/api/finance/dead-letters")).AsArray().Single(l => l!["body"]!.GetValue<string>() == "{ this is not json")!;
        Assert.Contains("cannot be read", unread["reason"]!.GetValue<string>());
        Assert.Equal("rabbitmq", unread["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_the_broker_stopped_during_a_burst_every_message_arrives_after_it_returns_once_and_in_order_per_project()
    {
        // the scenario's eight published facts (3 launches, 2 costs, 1 completion, 2 funds) reach the exchange
        var received = new List<byte[]>();
        await app.Drain(received, 8, TimeSpan.FromSeconds(60));
        Assert.Equal(8, received.Count);

        await RabbitApp.Broker("stop_app");
        try
        {
            var writers = new[] { "X1-1", "Z1-1" }.Select(async code =>
            {
                for (var i = 1; i <= 10; i++)
                    await _api.Post($"{Projects}/{code}/costs", new { effectiveDate = $"2023-10-{i:00}", realCost = 3_000_000m + i, reason = $"amendment {i}" }, 200);
            });
            await Task.WhenAll(writers);
            await app.CatchUp();
        }
        finally
        {
            await RabbitApp.Broker("start_app");
        }

        await app.Drain(received, 28, TimeSpan.FromSeconds(120));
        var events = received.Select(Decode).ToList();
        Assert.Equal(28, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        var revisions = (await _api.GetJson("/api/communes/tiznit/inspection/events?type=project_real_cost_revised&pageSize=100"))["items"]!.AsArray()
            .Select(e => e!["eventId"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(20, revisions.Count);
        Assert.Subset(events.Select(e => e.Id!).ToHashSet(), revisions);
        foreach (var project in events.GroupBy(e => e.Subject))
        {
            var sequences = project.Select(e => long.Parse(e["ledgersequence"]!.ToString()!)).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }
    }
}
