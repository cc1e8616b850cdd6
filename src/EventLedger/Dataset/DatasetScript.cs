using System.Text.Json.Serialization;
using EventLedger.Communes.RegisteringCommune;
using EventLedger.Financing.Recording;
using EventLedger.Programmes.AdoptingProgramme;
using EventLedger.Programmes.RevisingProgramme;
using EventLedger.Projects.ImportingHistory;
using EventLedger.Reviews.Reconciling;
using NodaTime;

namespace EventLedger.Dataset;

/// <summary>
/// A dataset as the commands that record it, in the order and at the recorded times they happened. Loading it runs
/// each command through the same decisions and append paths as the API, with the step's time as the recorded time and
/// the load time kept beside it (<c>importedAt</c>): same events, same amounts, same recorded times on every load.
/// </summary>
public sealed record DatasetScript(string Name, string Commune, string About, IReadOnlyList<DatasetStep> Steps);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(RegisterStep), "register-commune")]
[JsonDerivedType(typeof(AdoptStep), "adopt-programme")]
[JsonDerivedType(typeof(ImportStep), "import-history")]
[JsonDerivedType(typeof(ReviseStep), "revise-programme")]
[JsonDerivedType(typeof(FinancingStep), "record-financing")]
[JsonDerivedType(typeof(PublishStep), "publish-review")]
[JsonDerivedType(typeof(PrintedFiguresStep), "record-published-figures")]
public abstract record DatasetStep(Instant At);

public sealed record RegisterStep(Instant At, RegisterCommune Command) : DatasetStep(At);

public sealed record AdoptStep(Instant At, AdoptProgramme Command) : DatasetStep(At);

public sealed record ImportStep(Instant At, ImportHistory Command) : DatasetStep(At);

public sealed record ReviseStep(Instant At, string Programme, ReviseProgramme Command) : DatasetStep(At);

/// <summary>Financing commands, decided and appended one after the other (a fund may name an agreement signed just before).</summary>
public sealed record FinancingStep(
    Instant At,
    string Programme,
    IReadOnlyList<PlanFinancing>? Plans = null,
    IReadOnlyList<SignAgreement>? Agreements = null,
    IReadOnlyList<MobiliseFunds>? Funds = null) : DatasetStep(At);

public sealed record PublishStep(Instant At, string Programme, int Year, string Title) : DatasetStep(At);

public sealed record PrintedFiguresStep(Instant At, string Programme, int Year, RecordPublishedFigures Command) : DatasetStep(At);
