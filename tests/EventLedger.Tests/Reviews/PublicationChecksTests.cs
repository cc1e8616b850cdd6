using EventLedger.Reviews.Publishing;
using EventLedger.Reviews.Reconciling;

namespace EventLedger.Tests.Reviews;

/// <summary>Each generic check of a publication against itself, on small made-up publications.</summary>
public sealed class PublicationChecksTests
{
    private static PrintedFigure F(string metric, decimal value, string unit = "projects", int? orientation = null, string? nature = null,
        string section = "2-3", string source = "table") => new("2024", section, source, metric, orientation, nature, value, unit);

    [Fact]
    public void A_row_that_does_not_add_up_to_its_total_is_found()
    {
        var findings = PublicationChecks.Run([F("completed.count", 3, orientation: 1), F("completed.count", 4, orientation: 2), F("completed.count", 8)]);
        var finding = Assert.Single(findings);
        Assert.Equal("totals", finding.Kind);
        Assert.Equal([0, 1, 2], finding.Figures);
        Assert.Contains("add up to 7 projects, not to the printed total 8 projects", finding.Message);
    }

    [Fact]
    public void Rows_that_differ_from_their_total_by_the_rounding_of_the_rows_only_are_consistent()
    {
        Assert.Empty(PublicationChecks.Run(
        [
            F("completed.realCost", 235.10m, "MAD million", 1), F("completed.realCost", 249.73m, "MAD million", 2),
            F("completed.realCost", 63.70m, "MAD million", 3), F("completed.realCost", 39.11m, "MAD million", 4),
            F("completed.realCost", 587.63m, "MAD million"),
        ]));
        var findings = PublicationChecks.Run([F("completed.realCost", 1.10m, "MAD million", 1), F("completed.realCost", 2.10m, "MAD million", 2), F("completed.realCost", 3.25m, "MAD million")]);
        Assert.Equal("totals", Assert.Single(findings).Kind);
    }

    [Fact]
    public void A_metric_printed_twice_with_two_values_is_found_but_not_when_only_the_precision_differs()
    {
        var findings = PublicationChecks.Run([F("inProgress.count", 32, orientation: 4), F("inProgress.count", 30, orientation: 4, source: "narrative")]);
        var finding = Assert.Single(findings);
        Assert.Equal("duplicate", finding.Kind);
        Assert.Contains("printed 32 projects in 2-3 (table) and 30 projects in 2-3 (narrative)", finding.Message);

        Assert.Empty(PublicationChecks.Run([F("programme.cost", 15161.94m, "MAD million"), F("programme.cost", 15.16m, "MAD billion", section: "2-2", source: "narrative")]));
    }

    [Fact]
    public void A_sum_of_two_metrics_printed_otherwise_is_found()
    {
        var findings = PublicationChecks.Run([F("completed.count", 27, orientation: 4), F("inProgress.count", 32, orientation: 4), F("started.count", 57, orientation: 4)]);
        var finding = Assert.Single(findings);
        Assert.Equal("identity", finding.Kind);
        Assert.Contains("27 projects + 32 projects = 59 projects", finding.Message);
    }

    [Fact]
    public void A_percentage_is_checked_against_its_own_numerator_and_denominator_rounded_or_truncated()
    {
        Assert.Empty(PublicationChecks.Run([F("started.count", 286, section: "2-1"), F("programme.projects.count", 423, section: "2-1"), F("progress.count.percent", 67.61m, "percent", section: "2-1")]));

        var truncated = Assert.Single(PublicationChecks.Run(
            [F("financing.planned.2022-2025", 1135.57m, "MAD million", section: "3-2"), F("financing.mobilizedAgainstPlan", 1948.50m, "MAD million", section: "3-2"), F("financing.commitmentRate.percent", 171, "percent", section: "3-2")]));
        Assert.False(truncated.Fails);
        Assert.Contains("truncated rather than rounded", truncated.Message);

        var wrong = Assert.Single(PublicationChecks.Run([F("started.count", 240, section: "1-4"), F("programme.projects.count", 423, section: "1-4"), F("progress.count.percent", 98, "percent", section: "1-4")]));
        Assert.True(wrong.Fails);
        Assert.Contains("240 projects / 423 projects = 56.7376 %", wrong.Message);
    }
}
