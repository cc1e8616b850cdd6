using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventLedger.Contracts.V1;

/// <summary>
/// A CloudEvents 1.0 envelope in structured JSON mode: the required attributes (specversion, id, source, type), the
/// optional subject, time and datacontenttype, the extension <c>ledgersequence</c>, and the data.
/// </summary>
public abstract record CloudEvent
{
    [JsonPropertyName("specversion")] public string SpecVersion { get; init; } = "1.0";
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("subject"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Subject { get; init; }
    [JsonPropertyName("time")] public DateTimeOffset? Time { get; init; }
    [JsonPropertyName("datacontenttype")] public string DataContentType { get; init; } = "application/json";
    [JsonPropertyName("data")] public JsonElement Data { get; init; }
}

/// <summary>
/// What EventLedger publishes when a fact of interest to finance is recorded. <c>id</c> is the ledger event's id,
/// <c>source</c> the commune and programme (<c>/communes/marrakech/programmes/PAC-2023-2028</c>), <c>subject</c> the
/// project's code, <c>time</c> the recorded time, <c>ledgersequence</c> the event's position in the commune's ledger.
/// </summary>
public sealed record IntegrationCloudEvent : CloudEvent
{
    [JsonPropertyName("ledgersequence")] public long LedgerSequence { get; init; }
}

/// <summary>A message from a finance or treasury system: a commitment, a payment order or a payment.</summary>
public sealed record FinanceCloudEvent : CloudEvent;

/// <summary>The CloudEvents <c>type</c> of every contract, and the data type it carries.</summary>
public static class ContractTypes
{
    public const string Prefix = "ma.eventledger.";

    public static readonly IReadOnlyDictionary<string, Type> Outbound = new Dictionary<string, Type>
    {
        [Prefix + "project.launched.v1"] = typeof(ProjectLaunchedIntegrationEvent),
        [Prefix + "project.real-cost-recorded.v1"] = typeof(ProjectRealCostRecordedIntegrationEvent),
        [Prefix + "project.completed.v1"] = typeof(ProjectCompletedIntegrationEvent),
        [Prefix + "project.cancelled.v1"] = typeof(ProjectCancelledIntegrationEvent),
        [Prefix + "project.programmed-cost-revised.v1"] = typeof(ProgrammedCostRevisedIntegrationEvent),
        [Prefix + "programme.funds-mobilised.v1"] = typeof(FundsMobilisedIntegrationEvent),
        [Prefix + "fact.retracted.v1"] = typeof(FactRetractedIntegrationEvent),
    };

    public static readonly IReadOnlyDictionary<string, Type> Inbound = new Dictionary<string, Type>
    {
        [Prefix + "finance.commitment-recorded.v1"] = typeof(FinanceMoneyMessage),
        [Prefix + "finance.payment-ordered.v1"] = typeof(FinanceMoneyMessage),
        [Prefix + "finance.payment-made.v1"] = typeof(FinanceMoneyMessage),
    };

    public static string TypeOf(Type contract) => Outbound.First(p => p.Value == contract).Key;
}
