using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using EventLedger.Contracts.V1;

namespace EventLedger.Contracts;

/// <summary>
/// The AsyncAPI 3.0 document of EventLedger's messages, built from the contract types themselves; the committed
/// <c>asyncapi.json</c> must equal what this builds (a test says so), so a contract cannot change unseen.
/// </summary>
public static class AsyncApi
{
    public const string FileName = "asyncapi.json";

    private static readonly JsonSerializerOptions Schemas = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static JsonObject Build()
    {
        var schemas = new JsonObject
        {
            ["IntegrationCloudEvent"] = Schema(typeof(IntegrationCloudEvent)),
            ["FinanceCloudEvent"] = Schema(typeof(FinanceCloudEvent)),
        };
        var messages = new JsonObject();
        JsonObject Messages(IReadOnlyDictionary<string, Type> types, string envelope)
        {
            var refs = new JsonObject();
            foreach (var (type, contract) in types)
            {
                var name = type[ContractTypes.Prefix.Length..].Replace('.', '-');
                schemas[contract.Name] ??= Schema(contract);
                messages[name] = new JsonObject
                {
                    ["name"] = name,
                    ["title"] = contract.Name,
                    ["contentType"] = "application/cloudevents+json",
                    ["summary"] = $"A CloudEvents 1.0 envelope whose type is {type} and whose data is a {contract.Name}.",
                    ["payload"] = new JsonObject
                    {
                        ["allOf"] = new JsonArray(
                            new JsonObject { ["$ref"] = $"#/components/schemas/{envelope}" },
                            new JsonObject
                            {
                                ["type"] = "object",
                                ["properties"] = new JsonObject
                                {
                                    ["type"] = new JsonObject { ["const"] = type },
                                    ["data"] = new JsonObject { ["$ref"] = $"#/components/schemas/{contract.Name}" },
                                },
                            }),
                    },
                };
                refs[name] = new JsonObject { ["$ref"] = $"#/components/messages/{name}" };
            }
            return refs;
        }

        var outbound = Messages(ContractTypes.Outbound, "IntegrationCloudEvent");
        var inbound = Messages(ContractTypes.Inbound, "FinanceCloudEvent");
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "EventLedger: integration with finance and treasury systems",
                ["version"] = "1.0.0",
                ["description"] = "Integration events EventLedger publishes when a fact of interest to finance is recorded (delivered in order per project, each once, through Wolverine's transactional outbox), and the money facts finance systems send back. Every message is a CloudEvents 1.0 JSON envelope; contracts are versioned by their type's suffix (v1) and the EventLedger.Contracts.V1 namespace.",
            },
            ["servers"] = new JsonObject
            {
                ["postgresql"] = new JsonObject
                {
                    ["host"] = "the service's own PostgreSQL database",
                    ["protocol"] = "postgresql",
                    ["description"] = "The default: Wolverine's PostgreSQL queue transport, tables in the ledger's schema (queues integration_events and finance_inbox).",
                },
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "localhost:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0-9-1",
                    ["description"] = "When ConnectionStrings:RabbitMq is configured: the exchange eventledger.integration and the queue eventledger.finance.",
                },
            },
            ["channels"] = new JsonObject
            {
                ["integrationEvents"] = new JsonObject
                {
                    ["address"] = "eventledger.integration",
                    ["description"] = "Outbound integration events: the RabbitMQ exchange eventledger.integration, or the PostgreSQL queue integration_events.",
                    ["messages"] = outbound,
                },
                ["financeInbox"] = new JsonObject
                {
                    ["address"] = "eventledger.finance",
                    ["description"] = "Inbound finance messages: the RabbitMQ queue eventledger.finance, or the PostgreSQL queue finance_inbox (also POST /api/communes/{commune}/finance/messages). The document number makes a message idempotent; what cannot be recorded goes to the dead letters.",
                    ["messages"] = inbound,
                },
            },
            ["operations"] = new JsonObject
            {
                ["publishIntegrationEvents"] = new JsonObject
                {
                    ["action"] = "send",
                    ["channel"] = new JsonObject { ["$ref"] = "#/channels/integrationEvents" },
                    ["messages"] = new JsonArray(outbound.Select(m => (JsonNode)new JsonObject { ["$ref"] = $"#/channels/integrationEvents/messages/{m.Key}" }).ToArray()),
                },
                ["receiveFinanceMessages"] = new JsonObject
                {
                    ["action"] = "receive",
                    ["channel"] = new JsonObject { ["$ref"] = "#/channels/financeInbox" },
                    ["messages"] = new JsonArray(inbound.Select(m => (JsonNode)new JsonObject { ["$ref"] = $"#/channels/financeInbox/messages/{m.Key}" }).ToArray()),
                },
            },
            ["components"] = new JsonObject { ["schemas"] = schemas, ["messages"] = messages },
        };
    }

    public static string Text() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static JsonNode Schema(Type type) => JsonSchemaExporter.GetJsonSchemaAsNode(Schemas, type);
}
