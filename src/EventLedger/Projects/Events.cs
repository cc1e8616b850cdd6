using EventLedger.Common;
using NodaTime;

namespace EventLedger.Projects;

/// <summary>A fact about one project. Every fact says when it happened in the world; the ledger adds when it learned it.</summary>
public interface IProjectFact
{
    LocalDate EffectiveDate { get; }
}

/// <summary>The project was put in the programme, with all its attributes (adoption, or a programme revision).</summary>
public sealed record ProjectProgrammed(
    string Programme,
    ProjectCode Code,
    LocalDate EffectiveDate,
    BilingualText Title,
    string Orientation,
    string Nature,
    string District,
    ProgrammeYear Year,
    string Owner,
    string? DelegatedOwner,
    Money ProgrammedCost,
    ProjectCode? Parent = null,
    string? Place = null,
    int? Revision = null,
    bool Reconstructed = false) : IProjectFact;

/// <summary>Studies began: the project is in preparation, with a first estimate of its cost.</summary>
public sealed record ProjectPreparationStarted(LocalDate EffectiveDate, Money EstimatedCost) : IProjectFact;

/// <summary>Works were ordered to start (launch order): the project is in progress.</summary>
public sealed record ProjectLaunched(LocalDate EffectiveDate) : IProjectFact;

/// <summary>The real cost of a launched project, as known on the effective date (a level, not an increment).</summary>
public sealed record ProjectRealCostRecorded(LocalDate EffectiveDate, Money RealCost, string? Document = null) : IProjectFact;

/// <summary>The real cost was revised (an amendment, a settlement), with the reason.</summary>
public sealed record ProjectRealCostRevised(LocalDate EffectiveDate, Money RealCost, string Reason, string? Document = null) : IProjectFact;

/// <summary>The works were handed over; the final cost, when known, becomes the real cost.</summary>
public sealed record ProjectCompleted(LocalDate EffectiveDate, Money? FinalCost = null) : IProjectFact;

/// <summary>The project was moved to another programmed year.</summary>
public sealed record ProjectRescheduled(LocalDate EffectiveDate, ProgrammeYear Year, string Reason) : IProjectFact;

/// <summary>The project was abandoned, with the reason; it stays in the programme's history.</summary>
public sealed record ProjectCancelled(LocalDate EffectiveDate, string Reason) : IProjectFact;

/// <summary>The amount programmed for the project was revised.</summary>
public sealed record ProjectProgrammedCostRevised(LocalDate EffectiveDate, Money ProgrammedCost, string Reason) : IProjectFact;

/// <summary>A revision of the programme dropped the project from it.</summary>
public sealed record ProjectDroppedFromProgramme(LocalDate EffectiveDate, int Revision, string Reason) : IProjectFact;

/// <summary>What a finance system reported of a project's money: a commitment, a payment order, a payment.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyFactKindJsonConverter))]
public enum MoneyFactKind
{
    Commitment,
    PaymentOrdered,
    PaymentMade,
}

public sealed class MoneyFactKindJsonConverter() : System.Text.Json.Serialization.JsonStringEnumConverter<MoneyFactKind>(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

/// <summary>
/// A money fact from a finance or treasury system, with its document number (which makes it idempotent) and the system
/// that sent it. Amounts add up: the project's committed, ordered and paid totals.
/// </summary>
public sealed record ProjectMoneyRecorded(LocalDate EffectiveDate, MoneyFactKind Kind, Money Amount, string Currency, string Document, string Source) : IProjectFact;

/// <summary>
/// An earlier fact of this stream is withdrawn, with the reason. When <see cref="Superseded"/> is true the replacement
/// fact follows in the same append and carries the header <c>supersedes</c>. Readers at a knowledge time before this
/// retraction was recorded still see the retracted fact.
/// </summary>
public sealed record FactRetracted(LocalDate EffectiveDate, Guid RetractedEventId, string RetractedEventType, string Reason, bool Superseded) : IProjectFact;
