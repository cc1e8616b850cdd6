using System.Collections.Concurrent;
using System.Diagnostics;
using EventLedger.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Wolverine;
using Wolverine.Postgresql;

namespace EventLedger.Tests.Support;

/// <summary>The raw JSON of every integration event a consumer received, in arrival order.</summary>
public sealed class ReceivedIntegrationEvents
{
    private readonly ConcurrentQueue<byte[]> _bodies = new();

    public void Add(byte[] body) => _bodies.Enqueue(body);

    public IReadOnlyList<byte[]> All => _bodies.ToArray();

    public async Task<IReadOnlyList<byte[]>> WaitFor(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (_bodies.Count < count && DateTime.UtcNow < deadline) await Task.Delay(100);
        return All;
    }
}

/// <summary>A finance system reading the integration events from the PostgreSQL queue, with Wolverine.</summary>
public static class IntegrationEventConsumer
{
    public static void Handle(IntegrationCloudEvent message, Envelope envelope, ReceivedIntegrationEvents received) => received.Add(envelope.Data!);
}

/// <summary>The service with its PostgreSQL queues running, and a consumer of the integration events queue in the same host.</summary>
public sealed class QueueApp : LedgerApp
{
    protected override bool ExternalTransports => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ReceivedIntegrationEvents>();
        services.ConfigureWolverine(o =>
        {
            o.Discovery.IncludeType(typeof(IntegrationEventConsumer));
            o.ListenToPostgresqlQueue(EventLedger.Integration.IntegrationConfiguration.OutboundQueue).Sequential().PollingInterval(TimeSpan.FromMilliseconds(200));
        });
    }

    public ReceivedIntegrationEvents Received => Host.Services.GetRequiredService<ReceivedIntegrationEvents>();
}

/// <summary>The service publishing to a real RabbitMQ server (ops/rabbitmq starts it), and a plain AMQP consumer queue bound to its exchange.</summary>
public sealed class RabbitApp : LedgerApp
{
    public const string Uri = "amqp://guest:guest@127.0.0.1:5672/";
    public string ConsumerQueue => $"test-consumer-{Schema}";

    protected override bool ExternalTransports => true;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["ConnectionStrings:RabbitMq"] = Uri };

    public async Task DeclareConsumer()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(ConsumerQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(ConsumerQueue, EventLedger.Integration.IntegrationConfiguration.OutboundExchange, "");
    }

    /// <summary>Takes every message waiting in the consumer queue, until <paramref name="count"/> have been taken in all or the time is up.</summary>
    public async Task<IReadOnlyList<byte[]>> Drain(List<byte[]> into, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (into.Count < count && DateTime.UtcNow < deadline)
        {
            try
            {
                await using var connection = await new ConnectionFactory { Uri = new Uri(Uri) }.CreateConnectionAsync();
                await using var channel = await connection.CreateChannelAsync();
                while (await channel.BasicGetAsync(ConsumerQueue, autoAck: true) is { } message) into.Add(message.Body.ToArray());
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException or System.Net.Sockets.SocketException)
            {
                // the broker is down: try again
            }
            if (into.Count < count) await Task.Delay(250);
        }
        return into;
    }

    public static async Task Broker(string action)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", action) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"rabbitmqctl {action} failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
