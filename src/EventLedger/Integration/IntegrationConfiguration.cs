using EventLedger.Contracts.V1;
using Marten;
using Wolverine;
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
        relay.PublishEvent<T>((e, bus) => bus.PublishAsync(OutboundEvents.Envelope(e)));

    public static void Configure(WolverineOptions opts, string? rabbitMq)
    {
        opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
        if (rabbitMq is null)
        {
            opts.PublishMessage<IntegrationCloudEvent>().ToPostgresqlQueue(OutboundQueue);
            opts.ListenToPostgresqlQueue(InboundQueue).Sequential().PollingInterval(TimeSpan.FromMilliseconds(500));
        }
        else
        {
            opts.UseRabbitMq(new Uri(rabbitMq)).AutoProvision();
            opts.PublishMessage<IntegrationCloudEvent>().ToRabbitExchange(OutboundExchange);
            opts.ListenToRabbitQueue(InboundRabbitQueue).Sequential();
        }
    }
}
