using System.Text.Json;
using EventLedger.Contracts.V1;
using EventLedger.Financing;
using EventLedger.Projects;
using JasperFx.Events;
using NodaTime;

namespace EventLedger.Integration;

/// <summary>Which ledger events finance systems hear of, and the CloudEvents envelope each becomes.</summary>
public static class OutboundEvents
{
    public const string Currency = "MAD";

    /// <summary>The ledger event types that become integration events (retractions only of facts of these types).</summary>
    public static readonly Type[] Published =
    [
        typeof(ProjectLaunched), typeof(ProjectRealCostRecorded), typeof(ProjectRealCostRevised), typeof(ProjectCompleted),
        typeof(ProjectCancelled), typeof(ProjectProgrammedCostRevised), typeof(FundsMobilised),
        typeof(FactRetracted), typeof(FinancingFactRetracted),
    ];

    /// <summary>The stored names of the facts whose retraction finance systems hear of: those they heard of.</summary>
    private static readonly HashSet<string> PublishedNames =
    [
        "project_launched", "project_real_cost_recorded", "project_real_cost_revised", "project_completed", "project_cancelled",
        "project_programmed_cost_revised", "funds_mobilised",
    ];

    /// <summary>Whether a ledger event becomes an integration event: a retraction only when what it withdraws was published.</summary>
    public static bool IsPublished(IEvent e) => e.Data switch
    {
        FactRetracted r => PublishedNames.Contains(r.RetractedEventType),
        FinancingFactRetracted r => PublishedNames.Contains(r.RetractedEventType),
        _ => true,
    };

    /// <summary>The contracts' JSON: camelCase, dates as YYYY-MM-DD, amounts as exact decimal numbers.</summary>
    public static readonly JsonSerializerOptions ContractJson = new(JsonSerializerDefaults.Web);

    public static IntegrationCloudEvent Envelope(IEvent e)
    {
        var stream = e.StreamKey ?? throw new InvalidOperationException("Integration events come from streams keyed by strings.");
        var separator = stream.IndexOfAny([':', '/']);
        var programme = separator > 0 ? stream[..separator] : stream;
        var project = stream[separator] == ':' ? stream[(separator + 1)..] : null;
        var commune = e.TenantId;
        static DateOnly D(LocalDate d) => d.ToDateOnly();
        IIntegrationEvent data = e.Data switch
        {
            ProjectLaunched f => new ProjectLaunchedIntegrationEvent(commune, programme, project!, D(f.EffectiveDate)),
            ProjectRealCostRecorded f => new ProjectRealCostRecordedIntegrationEvent(commune, programme, project!, D(f.EffectiveDate), f.RealCost.Dirhams, Currency, f.Document, false, null),
            ProjectRealCostRevised f => new ProjectRealCostRecordedIntegrationEvent(commune, programme, project!, D(f.EffectiveDate), f.RealCost.Dirhams, Currency, f.Document, true, f.Reason),
            ProjectCompleted f => new ProjectCompletedIntegrationEvent(commune, programme, project!, D(f.EffectiveDate), f.FinalCost?.Dirhams, Currency),
            ProjectCancelled f => new ProjectCancelledIntegrationEvent(commune, programme, project!, D(f.EffectiveDate), f.Reason),
            ProjectProgrammedCostRevised f => new ProgrammedCostRevisedIntegrationEvent(commune, programme, project!, D(f.EffectiveDate), f.ProgrammedCost.Dirhams, Currency, f.Reason),
            FundsMobilised f => new FundsMobilisedIntegrationEvent(commune, programme, D(f.EffectiveDate), FinancingNames.Of(f.Source), f.Amount.Dirhams, Currency, f.Reference, f.Agreement),
            FactRetracted f => new FactRetractedIntegrationEvent(commune, programme, project, D(f.EffectiveDate), f.RetractedEventId.ToString(), f.RetractedEventType, f.Reason, f.Superseded),
            FinancingFactRetracted f => new FactRetractedIntegrationEvent(commune, programme, null, D(f.EffectiveDate), f.RetractedEventId.ToString(), f.RetractedEventType, f.Reason, false),
            _ => throw new InvalidOperationException($"{e.EventTypeName} is not published to finance systems."),
        };
        return new IntegrationCloudEvent
        {
            Id = e.Id.ToString(),
            Source = $"/communes/{commune}/programmes/{programme}",
            Type = ContractTypes.TypeOf(data.GetType()),
            Subject = project,
            Time = e.Timestamp,
            Data = JsonSerializer.SerializeToElement(data, data.GetType(), ContractJson),
            LedgerSequence = e.Sequence,
        };
    }
}
