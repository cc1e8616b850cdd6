using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EventLedger.Common;
using NodaTime;

namespace EventLedger.Reviews;

/// <summary>The units a review figure is kept in; presentation converts amounts to MAD million.</summary>
public static class Units
{
    public const string Projects = "projects";
    public const string SubProjects = "sub-projects";
    public const string ProjectsAndSubProjects = "projects and sub-projects";
    public const string Agreements = "agreements";
    public const string Mad = "MAD";
    public const string MadMillion = "MAD million";
    public const string MadBillion = "MAD billion";
    public const string Percent = "percent";
    public const string Text = "text";
}

/// <summary>
/// One cell of a review: a metric (the names of <c>published-figures.json</c>), optionally for one orientation or nature.
/// <see cref="Value"/> is exact (a count; dirhams to the centime; a percentage to ten decimals); <see cref="Presented"/>
/// is what a printed table shows (amounts in MAD million and percentages to two decimals, rounded half away from zero).
/// A figure the ledger cannot derive has no value and says why in <see cref="NotDerivable"/>.
/// </summary>
public sealed record ReviewCell(
    string Metric,
    int? Orientation,
    string? Nature,
    string Unit,
    decimal? Value,
    decimal? Presented,
    string? PresentedUnit,
    string? Text = null,
    string? NotDerivable = null)
{
    public string Key => FigureKey.Of(Metric, Orientation, Nature);
}

public static class FigureKey
{
    public static string Of(string metric, int? orientation, string? nature) =>
        metric + (orientation is { } o ? $"[orientation={o.ToString(CultureInfo.InvariantCulture)}]" : "") + (nature is { } n ? $"[nature={n}]" : "");
}

public sealed record ReviewColumn(string Key, BilingualText Label);

public sealed record ReviewRow(string Key, BilingualText Label, IReadOnlyList<ReviewCell?> Cells);

public sealed record ReviewTable(string Id, string Section, BilingualText Title, IReadOnlyList<ReviewColumn> Columns, IReadOnlyList<ReviewRow> Rows);

/// <summary>How much of the review rests on reconstructed (synthetic) projects rather than the commune's files.</summary>
public sealed record ReconstructionNote(int ReconstructedProjects, int RecordedProjects, string? Note);

/// <summary>
/// The content of a review of year <see cref="Year"/>: cumulative from the programme's start to <see cref="AsOf"/>
/// (31 December of the year), as known at <see cref="KnownAt"/> and, for a publication, through
/// <see cref="ThroughSequence"/>. Its canonical JSON is what a publication hashes.
/// </summary>
public sealed record ReviewContent(
    string Commune,
    string Programme,
    BilingualText ProgrammeName,
    int Year,
    LocalDate AsOf,
    Instant KnownAt,
    long? ThroughSequence,
    ReconstructionNote Reconstruction,
    IReadOnlyList<ReviewTable> Tables)
{
    /// <summary>Every figure once, in table order (the first printing of a metric that two tables show).</summary>
    public IReadOnlyList<ReviewCell> Figures()
    {
        var seen = new HashSet<string>();
        return Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).OfType<ReviewCell>()
            .Where(c => c.Unit != Units.Text && seen.Add(c.Key)).ToList();
    }

    public ReviewCell? Figure(string metric, int? orientation = null, string? nature = null)
    {
        var key = FigureKey.Of(metric, orientation, nature);
        return Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).OfType<ReviewCell>().FirstOrDefault(c => c.Key == key);
    }

    public byte[] CanonicalBytes() => JsonSerializer.SerializeToUtf8Bytes(this, JsonDefaults.Options);

    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));
}

/// <summary>A review as served: its content, the hash of that content, and where it was computed from.</summary>
public sealed record Review(ReviewContent Content, string Sha256, ReviewSource Source);

/// <param name="Kind"><c>projections</c> (the async daemon's review lines) or <c>raw-events</c> (a replay of the event table).</param>
/// <param name="ProjectionSequence">For projections: the sequence the daemon had reached; facts after it are not yet in the review.</param>
/// <param name="LedgerSequence">The commune's highest sequence when the review was computed.</param>
public sealed record ReviewSource(string Kind, long? ProjectionSequence, long LedgerSequence)
{
    public bool Stale => ProjectionSequence is { } p && p < LedgerSequence;
}
