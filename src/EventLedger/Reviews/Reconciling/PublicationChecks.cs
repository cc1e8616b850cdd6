using System.Globalization;
using EventLedger.Reviews.Publishing;

namespace EventLedger.Reviews.Reconciling;

/// <summary>What a metric means in terms of others: the identities and ratios a review's figures obey.</summary>
public static class MetricDefinitions
{
    /// <summary>A metric that is the sum of two others for the same orientation or nature.</summary>
    public static readonly IReadOnlyList<(string Total, string A, string B)> Sums =
    [
        ("started.count", "completed.count", "inProgress.count"),
        ("started.realCost", "completed.realCost", "inProgress.realCost"),
        ("startedWithSubprojects.count", "started.count", "subprojects.started.count"),
        ("financing.mobilized.total", "financing.mobilized.ownResources", "financing.mobilized.partnerships"),
        ("partnerships.agreements.count", "partnerships.cofunded.count", "partnerships.partnerFunded.count"),
    ];

    /// <summary>A percentage metric and the metrics of its numerator and denominator (a prefix ending in '.' sums every metric under it).</summary>
    public static readonly IReadOnlyList<(string Percent, string Numerator, string Denominator)> Ratios =
    [
        ("progress.count.percent", "started.count", "programme.projects.count"),
        ("progress.cost.percent", "started.realCost", "programme.cost"),
        ("inPreparation.percentOfProgrammeCount", "inPreparation.count", "programme.projects.count"),
        ("inPreparation.phase1.percentOfProgrammeCount", "inPreparation.phase1.count", "programme.projects.count"),
        ("financing.share.ownResources.percent", "financing.mobilized.ownResources", "financing.mobilized.total"),
        ("financing.share.partnerships.percent", "financing.mobilized.partnerships", "financing.mobilized.total"),
        ("financing.commitmentRate.percent", "financing.mobilizedAgainstPlan", "financing.planned."),
    ];
}

/// <summary>A printed figure in a comparable form: its value in base units (dirhams, counts, percent) and how precisely it was printed.</summary>
public sealed record Printed(int Index, PrintedFigure Figure, decimal Base, decimal HalfUnit, int Decimals)
{
    public string Where => $"{Figure.Section} ({Figure.Source})";

    public static Printed From(int index, PrintedFigure f)
    {
        var decimals = f.Decimals ?? DefaultDecimals(f);
        var scale = Scale(f.Unit);
        // counts are exact; amounts and percentages were rounded to the precision they are printed at
        var half = IsMoney(f.Unit) || f.Unit == "percent" ? 0.5m * Pow10(-decimals) * scale : 0m;
        return new Printed(index, f, f.Value * scale, half, decimals);
    }

    public static decimal Scale(string unit) => unit switch
    {
        Units.MadMillion => 1_000_000m,
        Units.MadBillion => 1_000_000_000m,
        _ => 1m,
    };

    public static bool IsMoney(string unit) => unit is Units.Mad or Units.MadMillion or Units.MadBillion;

    /// <summary>Money is printed to the centime or to two decimals of its unit; counts as integers; a percentage as its value shows.</summary>
    private static int DefaultDecimals(PrintedFigure f) =>
        IsMoney(f.Unit) ? 2
        : f.Unit == "percent" ? Math.Max(0, (f.Value.ToString(CultureInfo.InvariantCulture).Split('.') is [_, var d] ? d.TrimEnd('0').Length : 0))
        : 0;

    public static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) result = exponent < 0 ? result / 10m : result * 10m;
        return result;
    }

    public string Format() => Figure.Value.ToString(CultureInfo.InvariantCulture) + " " + Figure.Unit;
}

/// <summary>A finding of a check on the publication itself.</summary>
/// <param name="Kind">totals (rows against their total), identity (a sum of two metrics), duplicate (printed twice), percentage.</param>
/// <param name="Fails">False for a note that is not an inconsistency (a percentage printed truncated rather than rounded).</param>
public sealed record CheckFinding(string Kind, IReadOnlyList<int> Figures, string Message, bool Fails = true);

/// <summary>
/// Generic checks of a publication against itself, knowing only what metrics mean (<see cref="MetricDefinitions"/>):
/// rows against their totals, sums of metrics, the same metric printed twice, a percentage against its own
/// numerator and denominator. Differences within the rounding of the printed values are not inconsistencies.
/// </summary>
public static class PublicationChecks
{
    public static IReadOnlyList<CheckFinding> Run(IReadOnlyList<PrintedFigure> figures)
    {
        var printed = figures.Select((f, i) => Printed.From(i, f)).ToList();
        return [.. Totals(printed), .. Identities(printed), .. Duplicates(printed), .. Percentages(printed)];
    }

    /// <summary>In one table or passage, the rows of a metric by orientation or nature add up to the metric's total.</summary>
    public static IEnumerable<CheckFinding> Totals(IReadOnlyList<Printed> printed)
    {
        foreach (var group in printed.GroupBy(p => (p.Figure.Section, p.Figure.Source, p.Figure.Metric)))
        {
            var totals = group.Where(p => p.Figure.Orientation is null && p.Figure.Nature is null).ToList();
            foreach (var dimension in new Func<Printed, bool>[] { p => p.Figure.Orientation is not null, p => p.Figure.Nature is not null })
            {
                var rows = group.Where(dimension).ToList();
                if (rows.Count < 2) continue;
                foreach (var total in totals)
                {
                    var sum = rows.Sum(r => r.Base);
                    var tolerance = rows.Sum(r => r.HalfUnit) + total.HalfUnit;
                    if (Math.Abs(sum - total.Base) > tolerance)
                        yield return new CheckFinding("totals", [.. rows.Select(r => r.Index), total.Index],
                            $"in {total.Where}, the rows of {group.Key.Metric} add up to {Show(sum, total)}, not to the printed total {total.Format()}");
                }
            }
        }
    }

    /// <summary>In one table or passage, a metric that is the sum of two others (for the same orientation or nature) is printed as their sum.</summary>
    public static IEnumerable<CheckFinding> Identities(IReadOnlyList<Printed> printed)
    {
        foreach (var (total, a, b) in MetricDefinitions.Sums)
        foreach (var t in printed.Where(p => p.Figure.Metric == total))
        {
            var parts = new[] { a, b }.Select(m => printed.FirstOrDefault(p => p.Figure.Metric == m && SamePlace(p, t) && SameCell(p, t))).ToList();
            if (parts.Any(p => p is null)) continue;
            var sum = parts.Sum(p => p!.Base);
            if (Math.Abs(sum - t.Base) > parts.Sum(p => p!.HalfUnit) + t.HalfUnit)
                yield return new CheckFinding("identity", [t.Index, .. parts.Select(p => p!.Index)],
                    $"in {t.Where}, {total}{Dim(t)} is printed {t.Format()} but {a} + {b} are printed {parts[0]!.Format()} + {parts[1]!.Format()} = {Show(sum, t)}");
        }
    }

    /// <summary>The same metric, for the same orientation or nature, printed twice with values that no rounding reconciles.</summary>
    public static IEnumerable<CheckFinding> Duplicates(IReadOnlyList<Printed> printed)
    {
        foreach (var group in printed.GroupBy(p => p.Figure.Key))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++)
            {
                var (x, y) = (list[i], list[j]);
                if (Math.Abs(x.Base - y.Base) > x.HalfUnit + y.HalfUnit)
                    yield return new CheckFinding("duplicate", [x.Index, y.Index],
                        $"{x.Figure.Key} is printed {x.Format()} in {x.Where} and {y.Format()} in {y.Where}");
            }
        }
    }

    /// <summary>A percentage follows from its own numerator and denominator as printed, rounded (or, noted, truncated) to its precision.</summary>
    public static IEnumerable<CheckFinding> Percentages(IReadOnlyList<Printed> printed)
    {
        foreach (var (percent, numerator, denominator) in MetricDefinitions.Ratios)
        foreach (var p in printed.Where(x => x.Figure.Metric == percent))
        {
            var num = Nearest(printed, numerator, p);
            var den = Nearest(printed, denominator, p);
            if (num is null || den is null || den.Sum(d => d.Base) == 0m) continue;
            var ratio = num.Sum(n => n.Base) / den.Sum(d => d.Base) * 100m;
            var rounded = decimal.Round(ratio, p.Decimals, MidpointRounding.AwayFromZero);
            var truncated = decimal.Round(ratio, p.Decimals, MidpointRounding.ToZero);
            var basis = $"{string.Join(" + ", num.Select(n => n.Format()))} / {string.Join(" + ", den.Select(d => d.Format()))} = {ratio.ToString("0.####", CultureInfo.InvariantCulture)} %";
            if (rounded == p.Figure.Value) continue;
            yield return truncated == p.Figure.Value
                ? new CheckFinding("percentage", [p.Index, .. num.Select(n => n.Index), .. den.Select(d => d.Index)],
                    $"{p.Figure.Key} in {p.Where} is printed {p.Format()}: {basis}, truncated rather than rounded half away from zero", Fails: false)
                : new CheckFinding("percentage", [p.Index],
                    $"{p.Figure.Key} in {p.Where} is printed {p.Format()}, but its own numerator and denominator give {basis}");
        }
    }

    /// <summary>The printed figures of a metric nearest to a figure: same passage, then same section, then anywhere in the review.</summary>
    private static List<Printed>? Nearest(IReadOnlyList<Printed> printed, string metric, Printed near)
    {
        bool Is(Printed p) => (metric.EndsWith('.') ? p.Figure.Metric.StartsWith(metric, StringComparison.Ordinal) : p.Figure.Metric == metric) && SameCell(p, near);
        var scopes = new Func<Printed, bool>[] { p => SamePlace(p, near), p => p.Figure.Section == near.Figure.Section, _ => true };
        foreach (var scope in scopes)
        {
            var found = printed.Where(p => Is(p) && scope(p)).ToList();
            if (found.Count == 0) continue;
            // one printing per metric: the first in the publication's order
            return found.GroupBy(p => p.Figure.Metric).Select(g => g.First()).ToList();
        }
        return null;
    }

    private static bool SamePlace(Printed a, Printed b) => a.Figure.Section == b.Figure.Section && a.Figure.Source == b.Figure.Source;

    private static bool SameCell(Printed a, Printed b) => a.Figure.Orientation == b.Figure.Orientation && a.Figure.Nature == b.Figure.Nature;

    private static string Dim(Printed p) => p.Figure.Orientation is { } o ? $" (orientation {o})" : p.Figure.Nature is { } n ? $" ({n})" : "";

    private static string Show(decimal baseValue, Printed like) =>
        decimal.Round(baseValue / Printed.Scale(like.Figure.Unit), like.Decimals + 2).ToString("0.####", CultureInfo.InvariantCulture) + " " + like.Figure.Unit;
}
