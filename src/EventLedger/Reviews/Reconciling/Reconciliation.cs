using System.Globalization;
using EventLedger.Programmes;
using EventLedger.Projects;
using EventLedger.Reviews.Publishing;
using NodaTime;

namespace EventLedger.Reviews.Reconciling;

public static class Outcomes
{
    public const string Match = "match";
    public const string Rounding = "rounding";
    public const string Mismatch = "mismatch";
    public const string Inconsistent = "inconsistent-in-publication";
    public const string NotDerivable = "not-derivable";

    public static readonly string[] All = [Match, Rounding, Mismatch, Inconsistent, NotDerivable];
}

public sealed record ExplainingProject(string Code, string Status, decimal Contribution, bool Reconstructed);

/// <summary>One printed figure against the ledger: the printed value, the ledger's at the cut and printed precision, the outcome and why.</summary>
public sealed record ReconciledFigure(
    int Index,
    string? Review,
    string Section,
    string Source,
    string Metric,
    int? Orientation,
    string? Nature,
    string Unit,
    decimal Printed,
    string? Raw,
    decimal? Ledger,
    decimal? LedgerExact,
    string Outcome,
    string Reason,
    IReadOnlyList<ExplainingProject> Projects);

public sealed record ReconciliationReport(
    string Commune,
    string Programme,
    int Year,
    Instant KnownAt,
    long ThroughSequence,
    string PublicationSha256,
    string PrintedSource,
    IReadOnlyDictionary<string, int> Summary,
    IReadOnlyList<CheckFinding> Checks,
    IReadOnlyList<ReconciledFigure> Figures);

/// <summary>
/// Each printed figure against the frozen review: <see cref="Outcomes.Match"/> when the ledger's exact value rounds to
/// it; <see cref="Outcomes.Rounding"/> when it differs only by how the publication rounded (a truncated percentage, a
/// total of rounded rows); <see cref="Outcomes.NotDerivable"/> when the ledger holds no such figure, or when a printed
/// percentage follows neither from its own printed numerator and denominator nor from the ledger (its base is not
/// stated); <see cref="Outcomes.Inconsistent"/> when the publication contradicts itself about the figure (a generic
/// check failed) and the ledger follows its other reading; otherwise <see cref="Outcomes.Mismatch"/>, with the
/// projects that make up the ledger's value.
/// </summary>
public static class Reconciliation
{
    public const int ExplainingProjects = 25;

    public static ReconciliationReport Reconcile(string commune, ReviewPublished publication, PublishedFiguresRecorded printed,
        Programme programme, IReadOnlyList<ProjectState> states)
    {
        var checks = PublicationChecks.Run(printed.Figures);
        var all = printed.Figures.Select((f, i) => Printed.From(i, f)).ToList();
        var figures = all.Select(p => Reconcile(p, all, checks, publication.Content, programme, states)).ToList();
        var summary = Outcomes.All.ToDictionary(o => o, o => figures.Count(f => f.Outcome == o));
        return new ReconciliationReport(commune, publication.Content.Programme, publication.Year, publication.KnownAt, publication.ThroughSequence,
            publication.Sha256, printed.Source, summary, checks, figures);
    }

    private static ReconciledFigure Reconcile(Printed p, IReadOnlyList<Printed> all, IReadOnlyList<CheckFinding> checks, ReviewContent content,
        Programme programme, IReadOnlyList<ProjectState> states)
    {
        var f = p.Figure;
        ReconciledFigure Result(string outcome, string reason, decimal? ledger = null, decimal? exact = null, IReadOnlyList<ExplainingProject>? projects = null) =>
            new(p.Index, f.Review, f.Section, f.Source, f.Metric, f.Orientation, f.Nature, f.Unit, f.Value, f.Raw, ledger, exact, outcome, reason, projects ?? []);

        var cell = content.Figure(f.Metric, f.Orientation, f.Nature);
        if (cell is null)
        {
            var known = ReviewCalculator.NotDerivableFigures.FirstOrDefault(n => f.Metric == n.Metric || f.Metric.StartsWith(n.Metric + ".", StringComparison.Ordinal));
            return Result(Outcomes.NotDerivable, known.Reason ?? $"the review defines no figure {f.Key}: the ledger records nothing it could be derived from");
        }
        if (cell.NotDerivable is { } why || cell.Value is null) return Result(Outcomes.NotDerivable, cell.NotDerivable ?? "the ledger holds no value for it");

        var scale = Printed.Scale(f.Unit);
        var exact = cell.Value.Value;
        var inUnit = exact / scale;
        var ledger = decimal.Round(inUnit, p.Decimals, MidpointRounding.AwayFromZero);
        if (ledger == f.Value) return Result(Outcomes.Match, $"the ledger's {Show(exact)} rounds to the printed {p.Format()}", ledger, exact);

        var findings = checks.Where(c => c.Fails && c.Figures.Contains(p.Index)).ToList();
        if (f.Unit == "percent" && decimal.Round(inUnit, p.Decimals, MidpointRounding.ToZero) == f.Value)
            return Result(Outcomes.Rounding, $"printed truncated: the ledger's {Show(exact)} % is {ledger} when rounded half away from zero, {f.Value} when truncated", ledger, exact);

        var rows = all.Where(r => r.Figure.Section == f.Section && r.Figure.Source == f.Source && r.Figure.Metric == f.Metric
            && f.Orientation is null && f.Nature is null && (r.Figure.Orientation is not null || r.Figure.Nature is not null)).ToList();
        if (rows.Count > 1 && rows.Sum(r => r.Figure.Value) == f.Value && Math.Abs(exact - p.Base) <= rows.Sum(r => r.HalfUnit))
            return Result(Outcomes.Rounding, $"the printed total is the sum of the printed, rounded rows; the ledger's exact total {Show(exact)} rounds to {ledger}", ledger, exact);

        if (findings.Any(c => c.Kind == "percentage"))
            return Result(Outcomes.NotDerivable,
                $"{string.Join("; ", findings.Where(c => c.Kind == "percentage").Select(c => c.Message))}, and the ledger's {Show(exact)} % does not give it either: the publication does not state the base it used, so the ledger cannot derive it",
                ledger, exact);
        if (findings.Count > 0)
            return Result(Outcomes.Inconsistent, $"the publication contradicts itself here ({string.Join("; ", findings.Select(c => c.Message))}); the ledger's {Show(exact)} follows its other reading", ledger, exact);

        var explaining = ReviewCalculator.Contributors(states, f.Metric, programme, f.Orientation, f.Nature)
            .Take(ExplainingProjects)
            .Select(c => new ExplainingProject(c.Project.Code.Value, ProjectStatusNames.Of(c.Project.Status), c.Contribution, c.Project.Reconstructed))
            .ToList();
        return Result(Outcomes.Mismatch, $"the ledger holds {Show(exact)}, which rounds to {ledger} {f.Unit}, not the printed {p.Format()}", ledger, exact, explaining);
    }

    private static string Show(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
