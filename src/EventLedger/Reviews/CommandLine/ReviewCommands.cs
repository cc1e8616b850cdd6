using System.Globalization;
using EventLedger.Common;
using EventLedger.Reviews.Publishing;
using EventLedger.Reviews.Reading;
using EventLedger.Reviews.Reconciling;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;

namespace EventLedger.Reviews.CommandLine;

public class ReviewInput : NetCoreInput
{
    [Description("The commune, e.g. marrakech")]
    public string Commune { get; set; } = "";

    [Description("The year of the review, e.g. 2024")]
    public int Year { get; set; }

    [Description("The programme (default: the one covering the year)")]
    public string? ProgrammeFlag { get; set; }

    [Description("The knowledge time, e.g. 2025-03-31T10:00:00Z (default: now); ignored with --published")]
    public string? KnownAtFlag { get; set; }

    [Description("Print the review as published (frozen) rather than as known at --known-at")]
    public bool PublishedFlag { get; set; }

    [Description("Print labels in Arabic rather than French")]
    public bool ArabicFlag { get; set; }
}

[Description("Prints a review's tables in the terminal: as known now, at --known-at, or as published", Name = "review")]
public sealed class ReviewCommand : JasperFxAsyncCommand<ReviewInput>
{
    public override Task<bool> Execute(ReviewInput input) => CommandLineHost.Run(input, async services =>
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession(input.Commune);
        ReviewContent content;
        string hash;
        if (input.PublishedFlag)
        {
            var programme = await ReviewEndpoints.Programme(session, input.ProgrammeFlag, input.Year, CancellationToken.None);
            var publication = await PublishingEndpoints.Published(session, programme.Id, input.Year, CancellationToken.None);
            (content, hash) = (publication.Content, publication.Sha256);
            AnsiConsole.MarkupLineInterpolated($"[bold]Published[/] at {publication.KnownAt}, through sequence {publication.ThroughSequence}");
        }
        else
        {
            var review = await ReviewEndpoints.Compute(input.Commune, input.Year, input.KnownAtFlag, input.ProgrammeFlag, null, session,
                services.GetRequiredService<IClock>(), CancellationToken.None);
            (content, hash) = (review.Content, review.Sha256);
            if (review.Source.Stale)
                AnsiConsole.MarkupLineInterpolated($"[yellow]The review projections are at sequence {review.Source.ProjectionSequence}, the ledger at {review.Source.LedgerSequence}.[/]");
        }
        Print(content, hash, input.ArabicFlag);
        return true;
    });

    public static void Print(ReviewContent content, string hash, bool arabic)
    {
        string L(BilingualText t) => arabic ? t.Ar : t.Fr;
        AnsiConsole.MarkupLineInterpolated($"[bold]{L(content.ProgrammeName)}[/] ({content.Commune}, {content.Programme}): review of {content.Year}, to {content.AsOf:yyyy-MM-dd}, as known at {content.KnownAt}");
        if (content.Reconstruction.Note is { } note) AnsiConsole.MarkupLineInterpolated($"[yellow]{note}[/]");
        foreach (var t in content.Tables)
        {
            var table = new Table().Title($"{t.Section} · {Markup.Escape(L(t.Title))}").Border(TableBorder.Rounded);
            table.AddColumn("");
            foreach (var c in t.Columns) table.AddColumn(new TableColumn(Markup.Escape(L(c.Label))).RightAligned());
            foreach (var r in t.Rows)
                table.AddRow([Markup.Escape(L(r.Label)), .. r.Cells.Select(c => Markup.Escape(c?.NotDerivable is not null ? "not derivable" : ReviewEndpoints.Presented(c)))]);
            AnsiConsole.Write(table);
            foreach (var reason in t.Rows.SelectMany(r => r.Cells).Where(c => c?.NotDerivable is not null).Select(c => $"{c!.Metric}: {c.NotDerivable}").Distinct())
                AnsiConsole.MarkupLineInterpolated($"  [grey]not derivable, {reason}[/]");
        }
        AnsiConsole.MarkupLineInterpolated($"SHA-256 of the canonical content: {hash}");
    }
}

public sealed class ReconcileInput : NetCoreInput
{
    [Description("The commune, e.g. marrakech")]
    public string Commune { get; set; } = "";

    [Description("The year of the published review, e.g. 2024")]
    public int Year { get; set; }

    [Description("The programme (default: the one covering the year)")]
    public string? ProgrammeFlag { get; set; }

    [Description("Print only the summary and the figures that are not a match")]
    public bool ShortFlag { get; set; }
}

[Description("Reconciles a published review's printed figures with the ledger at its cut: a summary per outcome, then every figure", Name = "reconcile")]
public sealed class ReconcileCommand : JasperFxAsyncCommand<ReconcileInput>
{
    public override Task<bool> Execute(ReconcileInput input) => CommandLineHost.Run(input, async services =>
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession(input.Commune);
        var report = await ReconciliationEndpoint.Reconcile(session, input.Commune, input.Year, input.ProgrammeFlag, CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"[bold]Reconciliation of the review of {report.Year}[/] ({report.Commune}, {report.Programme}) at its cut: {report.KnownAt}, sequence {report.ThroughSequence}");
        AnsiConsole.MarkupLineInterpolated($"Printed figures: {report.PrintedSource}");
        var summary = new Table().Border(TableBorder.Rounded).AddColumn("outcome").AddColumn(new TableColumn("figures").RightAligned());
        foreach (var (outcome, count) in report.Summary) summary.AddRow(outcome, count.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(summary);

        foreach (var f in report.Figures.Where(f => !input.ShortFlag || f.Outcome != Outcomes.Match))
        {
            var figure = f.Metric + (f.Orientation is { } o ? $" (orientation {o})" : "") + (f.Nature is { } n ? $" ({n})" : "");
            var colour = f.Outcome switch { Outcomes.Match => "green", Outcomes.Rounding => "blue", Outcomes.Mismatch => "red", _ => "yellow" };
            AnsiConsole.MarkupLineInterpolated($"[bold]{f.Section} {f.Source}[/] {figure}: printed {f.Printed.ToString(CultureInfo.InvariantCulture)} {f.Unit}, ledger {f.Ledger?.ToString(CultureInfo.InvariantCulture) ?? "-"} [{colour}]{f.Outcome}[/]");
            AnsiConsole.MarkupLineInterpolated($"    {f.Reason}");
            if (f.Projects.Count > 0)
                AnsiConsole.MarkupLineInterpolated($"    projects: {string.Join(", ", f.Projects.Select(p => $"{p.Code} ({p.Contribution.ToString(CultureInfo.InvariantCulture)})"))}");
        }
        return true;
    });
}
