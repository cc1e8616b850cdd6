using EventLedger.Common;
using EventLedger.Programmes;
using EventLedger.Reviews.Publishing;
using EventLedger.Reviews.Reading;
using JasperFx.Events;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Reviews.Reconciling;

public sealed record PrintedFigureInput(string? Review, string? Section, string? Source, string? Metric, int? Orientation, string? Nature,
    decimal? Value, string? Unit, string? Raw = null, string? Note = null, int? Decimals = null);

/// <summary>The figures a publication printed for a review, in the format of <c>published-figures.json</c>.</summary>
public sealed record RecordPublishedFigures(string? Source, string? About, IReadOnlyList<PrintedFigureInput>? Figures,
    LocalDate? EffectiveDate = null, string? Programme = null);

public static class RecordPublishedFiguresEndpoint
{
    public const int MaxFigures = 5_000;

    public static PublishedFiguresRecorded Decide(RecordPublishedFigures c, int year, LocalDate today)
    {
        var source = Require.Text(c.Source, "source", "which publication printed these figures (its title, edition or file)", 500);
        var figures = c.Figures is { Count: > 0 } f ? f : throw Require.Malformed("figures is required: the figures the publication printed, at least one.");
        if (figures.Count > MaxFigures) throw Require.Malformed($"a publication holds at most {MaxFigures} figures.");
        var effective = c.EffectiveDate ?? today;
        if (effective > today) throw Require.Malformed("effectiveDate is in the future: record the figures of a publication once it is out.");
        var printed = figures.Select((x, i) =>
        {
            var where = $"figures[{i}]";
            var review = Require.OptionalText(x.Review, $"{where}.review", 20);
            if (review is not null && review != year.ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw Require.Malformed($"{where} belongs to the review of {review}; record it for that review, not {year}.");
            if (x.Decimals is < 0 or > 10) throw Require.Malformed($"{where}.decimals is between 0 and 10.");
            return new PrintedFigure(review,
                Require.Text(x.Section, $"{where}.section", "the section of the publication that prints it, e.g. 2-3", 40),
                Require.Text(x.Source, $"{where}.source", "where in the section: table, narrative or chart", 40),
                Require.Text(x.Metric, $"{where}.metric", "the metric's name, e.g. started.count", 200),
                x.Orientation,
                Require.OptionalText(x.Nature, $"{where}.nature", 60),
                Require.Present(x.Value, $"{where}.value", "the value as printed, as a number"),
                Require.Text(x.Unit, $"{where}.unit", "its unit as printed, e.g. MAD million", 40),
                Require.OptionalText(x.Raw, $"{where}.raw", 200),
                Require.OptionalText(x.Note, $"{where}.note", 2000),
                x.Decimals);
        }).ToList();
        return new PublishedFiguresRecorded(year, effective, source, Require.OptionalText(c.About, "about", 4000), printed);
    }

    /// <summary>Stages the recording on the review's stream (the caller saves).</summary>
    public static async Task<(IEvent Event, long Version)> Stage(IDocumentSession session, Programme programme, PublishedFiguresRecorded recorded, RequestMetadata meta, Instant now,
        IReadOnlyDictionary<string, object>? headers, CancellationToken ct)
    {
        var key = ReviewRecord.StreamKey(programme.Id, recorded.Year);
        var record = await session.LoadAsync<ReviewRecord>(key, ct);
        return ReviewRecord.Append(session, key, record, recorded, meta, now, headers);
    }

    [WolverinePost("/api/communes/{commune}/reviews/{year}/published-figures", Name = "RecordPublishedFigures")]
    [EndpointSummary("Record the figures a publication printed for the review of a year, so that they can be reconciled with the ledger; a later recording replaces an earlier one.")]
    public static Task<IResult> Post(string commune, int year, RecordPublishedFigures command, IDocumentSession session, IClock clock, HttpContext http) =>
        ReviewRecord.Write(commune, year, command.Programme, command, "reconciliation", Render,
            (programme, meta, now) => Stage(session, programme, Decide(command, year, now.InUtc().Date), meta, now, null, http.RequestAborted),
            session, clock, http);

    private static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(stream, version, token: ct);
        var recorded = (PublishedFiguresRecorded)events.Last(e => e.Data is PublishedFiguresRecorded).Data;
        return new { stream, version, recorded.Year, recorded.Source, figures = recorded.Figures.Count };
    }
}
