using EventLedger.Common;
using NodaTime;

namespace EventLedger.Programmes;

/// <summary>A commune's programme as adopted and revised: the inline projection of its stream.</summary>
public sealed record Programme
{
    /// <summary>The stream key: the programme's code (one stream per commune and programme).</summary>
    public required string Id { get; init; }
    public required BilingualText Name { get; init; }
    public required LocalDate AdoptedOn { get; init; }
    public required ProgrammeYear FirstYear { get; init; }
    public required ProgrammeYear LastYear { get; init; }
    public required IReadOnlyList<Phase> Phases { get; init; }
    public required IReadOnlyList<Orientation> Orientations { get; init; }
    public required IReadOnlyList<Label> Natures { get; init; }
    public required IReadOnlyList<Label> Districts { get; init; }
    public int Revisions { get; init; }
    public IReadOnlyList<ProgrammeRevised> RevisionHistory { get; init; } = [];
    public long Version { get; set; }

    public static Programme Create(ProgrammeAdopted e) => new()
    {
        Id = e.Code,
        Name = e.Name,
        AdoptedOn = e.EffectiveDate,
        FirstYear = e.FirstYear,
        LastYear = e.LastYear,
        Phases = e.Phases,
        Orientations = e.Orientations,
        Natures = e.Natures,
        Districts = e.Districts,
    };

    public Programme Apply(ProgrammeRevised e) => this with { Revisions = e.Revision, RevisionHistory = [.. RevisionHistory, e] };

    /// <summary>The first day a fact of this programme may be effective: its adoption or its first year, whichever is earlier.</summary>
    public LocalDate Opens => LocalDate.Min(AdoptedOn, FirstYear.FirstDay);

    /// <summary>The last day a fact of this programme may be effective.</summary>
    public LocalDate Closes => LastYear.LastDay;

    public bool Covers(LocalDate date) => date >= Opens && date <= Closes;

    public bool CoversYear(int year) => year >= FirstYear.Value && year <= LastYear.Value;
}
