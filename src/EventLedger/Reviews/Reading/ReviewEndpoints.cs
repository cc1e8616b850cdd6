using System.Globalization;
using CsvHelper;
using EventLedger.Common;
using EventLedger.Programmes;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Reviews.Reading;

public static class ReviewEndpoints
{
    /// <summary>The programme a review of <paramref name="year"/> belongs to: the one named, or the one covering the year.</summary>
    public static async Task<Programme> Programme(IQuerySession session, string? named, int year, CancellationToken ct)
    {
        if (!ProgrammeYear.IsValid(year))
            throw Require.Malformed($"{year} is not a year a programme can cover ({ProgrammeYear.Earliest}-{ProgrammeYear.Latest}).");
        var programme = await ProgrammeLookup.Resolve(session, named, new LocalDate(year, 12, 31), ct);
        if (!programme.CoversYear(year))
            throw new RequestRefused(Problems.NotFound($"The programme {programme.Id} covers {programme.FirstYear}-{programme.LastYear}; it has no review of {year}."));
        return programme;
    }

    [WolverineGet("/api/communes/{commune}/reviews/{year}", Name = "GetReview")]
    [EndpointSummary("The review of a year (cumulative to 31 December) as known at knownAt (default now): every table of the evaluation report, from the review projections; source=raw-events replays the event table instead.")]
    public static async Task<IResult> Get(string commune, int year, string? knownAt, string? programme, string? source,
        IQuerySession session, IClock clock, HttpContext http)
    {
        var review = await Compute(commune, year, knownAt, programme, source, session, clock, http.RequestAborted);
        return Results.Json(review, JsonDefaults.Options);
    }

    [WolverineGet("/api/communes/{commune}/reviews/{year}/tables/{table}.csv", Name = "GetReviewTableCsv")]
    [EndpointSummary("One table of the review as CSV: a line per row, the presented value of each column and its exact value.")]
    public static async Task<IResult> Csv(string commune, int year, string table, string? knownAt, string? programme, string? source,
        IQuerySession session, IClock clock, HttpContext http)
    {
        var review = await Compute(commune, year, knownAt, programme, source, session, clock, http.RequestAborted);
        var found = review.Content.Tables.FirstOrDefault(t => t.Id == table);
        if (found is null)
            return Problems.NotFound($"The review has no table '{table}'; its tables are {string.Join(", ", review.Content.Tables.Select(t => t.Id))}.");
        return Results.Text(ToCsv(found), "text/csv; charset=utf-8");
    }

    public static async Task<Review> Compute(string commune, int year, string? knownAt, string? programme, string? source,
        IQuerySession session, IClock clock, CancellationToken ct)
    {
        var time = QueryValues.Instant(knownAt, "knownAt") ?? clock.GetCurrentInstant();
        var target = await Programme(session, programme, year, ct);
        return source switch
        {
            null or "" or ReviewSources.Projections => await FromProjections(session, commune, target, year, time, ct),
            ReviewSources.RawEvents => await ReviewSources.FromRawEvents(session, commune, target.Id, year, time, null, ct),
            _ => throw Require.Malformed($"source must be {ReviewSources.Projections} or {ReviewSources.RawEvents}; '{source}' is not."),
        };
    }

    /// <summary>
    /// The review from the projections, once the daemon has caught up with the ledger or a short wait has passed; a review
    /// served before the daemon caught up says so (<c>source.stale</c>) and how far it reached.
    /// </summary>
    private static async Task<Review> FromProjections(IQuerySession session, string commune, Programmes.Programme programme, int year, Instant knownAt, CancellationToken ct)
    {
        var sequence = await ReviewSources.LedgerSequence(session, ct);
        await ReviewSources.WaitForProjections(session.DocumentStore, sequence, CatchUpWait, ct);
        return await ReviewSources.FromProjections(session, commune, programme, year, knownAt, null, ct);
    }

    public static readonly TimeSpan CatchUpWait = TimeSpan.FromSeconds(2);

    /// <summary>A table as CSV (RFC 4180): the row's key and labels, then for each column its presented value and its exact value.</summary>
    public static string ToCsv(ReviewTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(text, new CsvWriterOptions(), true);
        csv.WriteRecord(["row", "label_ar", "label_fr", .. table.Columns.SelectMany(c => new[] { c.Key, c.Key + "_exact" })]);
        foreach (var row in table.Rows)
            csv.WriteRecord([row.Key, row.Label.Ar, row.Label.Fr,
                .. row.Cells.SelectMany(cell => new[] { Presented(cell), cell?.Value?.ToString(CultureInfo.InvariantCulture) ?? "" })]);
        csv.Flush();
        return text.ToString();
    }

    /// <summary>What a printed table shows in a cell.</summary>
    public static string Presented(ReviewCell? cell) => cell switch
    {
        null => "",
        { NotDerivable: { } reason } => "not derivable: " + reason,
        { Text: { } text } => text,
        { Presented: { } value, Unit: Units.Percent } => value.ToString("0.00", CultureInfo.InvariantCulture) + " %",
        { Presented: { } value, PresentedUnit: Units.MadMillion } => value.ToString("0.00", CultureInfo.InvariantCulture),
        { Presented: { } value } => value.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}
