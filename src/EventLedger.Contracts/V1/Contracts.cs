namespace EventLedger.Contracts.V1;

/// <summary>What every outbound contract says of where it comes from. Amounts are exact decimals in <see cref="Currency"/>.</summary>
public interface IIntegrationEvent
{
    string Commune { get; }
    string Programme { get; }
    DateOnly EffectiveDate { get; }
}

/// <summary>Works were ordered to start on a project.</summary>
public sealed record ProjectLaunchedIntegrationEvent(string Commune, string Programme, string Project, DateOnly EffectiveDate) : IIntegrationEvent;

/// <summary>A project's real cost was recorded, or revised (then with the revision's reason).</summary>
public sealed record ProjectRealCostRecordedIntegrationEvent(string Commune, string Programme, string Project, DateOnly EffectiveDate,
    decimal RealCost, string Currency, string? Document, bool Revised, string? Reason) : IIntegrationEvent;

/// <summary>A project was completed, with its final cost when known.</summary>
public sealed record ProjectCompletedIntegrationEvent(string Commune, string Programme, string Project, DateOnly EffectiveDate,
    decimal? FinalCost, string Currency) : IIntegrationEvent;

/// <summary>A project was cancelled, with the reason.</summary>
public sealed record ProjectCancelledIntegrationEvent(string Commune, string Programme, string Project, DateOnly EffectiveDate, string Reason) : IIntegrationEvent;

/// <summary>The amount programmed for a project was revised, with the reason.</summary>
public sealed record ProgrammedCostRevisedIntegrationEvent(string Commune, string Programme, string Project, DateOnly EffectiveDate,
    decimal ProgrammedCost, string Currency, string Reason) : IIntegrationEvent;

/// <summary>Funds were mobilised for the programme from one source (own-resources or partnerships).</summary>
public sealed record FundsMobilisedIntegrationEvent(string Commune, string Programme, DateOnly EffectiveDate, string Source, decimal Amount,
    string Currency, string Reference, string? Agreement) : IIntegrationEvent;

/// <summary>
/// A fact published earlier was withdrawn (retracted, or superseded by a corrected fact that follows as its own
/// integration event), with the reason: <see cref="RetractedEventId"/> is the <c>id</c> of the envelope it withdraws.
/// </summary>
public sealed record FactRetractedIntegrationEvent(string Commune, string Programme, string? Project, DateOnly EffectiveDate,
    string RetractedEventId, string RetractedType, string Reason, bool Superseded) : IIntegrationEvent;

/// <summary>
/// The data of an inbound finance message (commitment recorded, payment ordered, payment made): which project, how
/// much in which currency, the finance document's number (which makes the message idempotent) and its date.
/// <see cref="Commune"/> is required on a queue; over HTTP the route names it.
/// </summary>
public sealed record FinanceMoneyMessage(string? Commune, string? Programme, string? Project, decimal? Amount, string? Currency,
    string? DocumentNumber, DateOnly? Date);
