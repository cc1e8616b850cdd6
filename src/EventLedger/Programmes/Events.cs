using EventLedger.Common;
using NodaTime;

namespace EventLedger.Programmes;

/// <summary>A phase of a programme: the seed's "first phase" holds the projects programmed for its first three years.</summary>
public sealed record Phase(int Number, ProgrammeYear FirstYear, ProgrammeYear LastYear);

/// <summary>A strategic orientation; <see cref="Label.Code"/> is the letter that starts its projects' codes.</summary>
public sealed record Orientation(int Number, string Code, string Ar, string Fr);

/// <summary>The council adopted a six-year action programme.</summary>
public sealed record ProgrammeAdopted(
    string Code,
    BilingualText Name,
    LocalDate EffectiveDate,
    ProgrammeYear FirstYear,
    ProgrammeYear LastYear,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<Orientation> Orientations,
    IReadOnlyList<Label> Natures,
    IReadOnlyList<Label> Districts);

/// <summary>
/// The programme was revised, for a stated reason: projects added to it, dropped from it, or given another programmed
/// cost. The projects' own streams carry the matching facts, appended in the same transaction.
/// </summary>
public sealed record ProgrammeRevised(
    int Revision,
    LocalDate EffectiveDate,
    string Reason,
    IReadOnlyList<ProjectCode> Added,
    IReadOnlyList<ProjectCode> Dropped,
    IReadOnlyList<ProjectCode> Revalued);
