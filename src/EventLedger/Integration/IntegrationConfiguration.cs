using EventLedger.Contracts.V1;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Postgresql;
using Wolverine.RabbitMQ;

namespace EventLedger.Integration;

/// <summary>
/// Where integration events go and where finance messages come from: Wolverine's PostgreSQL queues in the service's
/// own database by default; a RabbitMQ exchange and queue when <c>ConnectionStrings:RabbitMq</c> is set.
/// </summary>
public static class IntegrationConfiguration
{
    public const string Subscription = "integration-events";
    public const string OutboundQueue = "integration_events";
    public const string InboundQueue = "finance_inbox";
    public const string OutboundExchange = "eventledger.integration";
    public const string InboundRabbitQueue = "eventledger.finance";

    /// <summary>
    /// One mechanism: a Marten subscription, in strict sequence order, hands each published ledger event to Wolverine,
    /// whose outbox commits the message with the subscription's progress.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression PublishIntegrationEvents(this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.PublishEventsToWolverine(Subscription, relay =>
        {
            foreach (var type in OutboundEvents.Published)
                typeof(IntegrationConfiguration).GetMethod(nameof(Relay), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [relay]);
        });

    private static void Relay<T>(Wolverine.Marten.Subscriptions.IPublishingRelay relay) where T : notnull =>
        relay.PublishEvent<T>((e, bus) => OutboundEvents.IsPublished(e) ? bus.PublishAsync(OutboundEvents.Envelope(e)) : ValueTask.CompletedTask);


    /// <summary>
    /// The outbox always commits integration events to the PostgreSQL queue <see cref="OutboundQueue"/> (in the ledger's
    /// own database, in order). Without RabbitMQ, finance systems read that queue. With RabbitMQ, a sequential forwarder
    /// drains it to the exchange one message at a time, sending inline with the broker's confirmation and retrying the
    /// same message while the broker is away: nothing lost, nothing sent twice, and the order per project kept through
    /// an outage (a durable sender's recovery would not keep it).
    /// </summary>
    public static void Configure(WolverineOptions opts, string? rabbitMq)
    {
        opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
        opts.PublishMessage<IntegrationCloudEvent>().ToPostgresqlQueue(OutboundQueue);
        if (rabbitMq is null)
        {
            opts.ListenToPostgresqlQueue(InboundQueue).Sequential().PollingInterval(TimeSpan.FromMilliseconds(500));
            return;
        }
        opts.UseRabbitMq(new Uri(rabbitMq)).AutoProvision().DeclareExchange(OutboundExchange);
        opts.Services.AddSingleton(new RabbitMqPublisher(new Uri(rabbitMq)));
        opts.ListenToPostgresqlQueue(OutboundQueue).Sequential().PollingInterval(TimeSpan.FromMilliseconds(200));
        // finance systems send plain CloudEvents JSON, without Wolverine's headers
        opts.ListenToRabbitQueue(InboundRabbitQueue).Sequential()
            .DefaultIncomingMessage<Finance.RawFinanceMessage>().DefaultSerializer(new Finance.RawFinanceSerializer());
        opts.Discovery.IncludeType(typeof(RabbitMqForwarder));
    }
}

/// <summary>
/// Publishes CloudEvents JSON to the exchange on a channel with publisher confirmations: a publish returns once the
/// broker has the message, and throws when it does not.
/// </summary>
public sealed class RabbitMqPublisher(Uri uri) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RabbitMQ.Client.IConnection? _connection;
    private RabbitMQ.Client.IChannel? _channel;

    public async Task PublishAsync(IntegrationCloudEvent message, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                await DropAsync();
                _connection = await new RabbitMQ.Client.ConnectionFactory { Uri = uri }.CreateConnectionAsync(ct);
                _channel = await _connection.CreateChannelAsync(new RabbitMQ.Client.CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            }
            var properties = new RabbitMQ.Client.BasicProperties
            {
                ContentType = "application/cloudevents+json",
                MessageId = message.Id,
                Type = message.Type,
                DeliveryMode = RabbitMQ.Client.DeliveryModes.Persistent,
            };
            var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, OutboundEvents.ContractJson);
            await _channel.BasicPublishAsync(IntegrationConfiguration.OutboundExchange, "", false, properties, body, ct);
        }
        catch
        {
            await DropAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropAsync()
    {
        try
        {
            if (_channel is not null) await _channel.DisposeAsync();
            if (_connection is not null) await _connection.DisposeAsync();
        }
        catch (Exception)
        {
            // a broken connection may refuse to close cleanly; it is dropped either way
        }
        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}

/// <summary>Drains the integration events queue to the RabbitMQ exchange, in order (see <see cref="IntegrationConfiguration"/>).</summary>
public static class RabbitMqForwarder
{
    /// <summary>
    /// Sends the message and returns once the broker has it; while the broker is away, tries the same message again
    /// (the listener is sequential, so nothing overtakes it). On shutdown the message stays in the queue for the next run.
    /// </summary>
    public static async Task Handle(IntegrationCloudEvent message, RabbitMqPublisher publisher, ILogger<IntegrationCloudEvent> logger, CancellationToken cancellation)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await publisher.PublishAsync(message, cancellation);
                return;
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                logger.LogWarning(e, "RabbitMQ did not take the integration event {Id}; trying again in {Delay}", message.Id, delay);
                await Task.Delay(delay, cancellation);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
