using EventLedger.Common;
using EventLedger.Programmes;
using EventLedger.Reviews.Reading;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;
using Wolverine.Http;

namespace EventLedger.Reviews.Publishing;

public sealed record PublishReview(string? Programme = null, string? Title = null, LocalDate? EffectiveDate = null);

public sealed record PublicationView(
    string Stream,
    int Year,
    LocalDate EffectiveDate,
    string? Title,
    LocalDate AsOf,
    Instant KnownAt,
    long ThroughSequence,
    string Sha256,
    string? PublishedBy,
    Instant RecordedAt,
    string? ChainDigest,
    ReviewContent Content);

public sealed record FigureDifference(string Figure, decimal? Published, decimal? Reproduced);

public sealed record Reproduction(
    int Year,
    Instant KnownAt,
    long ThroughSequence,
    string PublishedSha256,
    string ReproducedSha256,
    bool Equal,
    IReadOnlyList<FigureDifference> Differences);

public static class PublishingEndpoints
{
    public static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Freezes the review of <paramref name="year"/> at the knowledge cut (<paramref name="now"/>, the commune's last
    /// sequence), computed from the review projections once the daemon has reached the cut, and stages its publication.
    /// </summary>
    public static async Task<(IEvent Event, long Version)> Stage(IDocumentSession session, string commune, Programme programme, int year, string? title, LocalDate? effectiveDate,
        RequestMetadata meta, Instant now, IReadOnlyDictionary<string, object>? headers, CancellationToken ct)
    {
        var key = ReviewRecord.StreamKey(programme.Id, year);
        var record = await session.LoadAsync<ReviewRecord>(key, ct);
        if (record?.Publication is { } published)
            throw new RequestRefused(Problems.Duplicate($"The review of {year} was published at {InstantPattern.ExtendedIso.Format(published.KnownAt)}; a publication is frozen and is not published twice."));
        var today = now.InUtc().Date;
        var asOf = new LocalDate(year, 12, 31);
        if (today <= asOf)
            throw new RequestRefused(Problems.Refused($"The review of {year} runs to {LocalDatePattern.Iso.Format(asOf)}; it can be published from {LocalDatePattern.Iso.Format(asOf.PlusDays(1))}."));
        var effective = effectiveDate ?? today;
        if (effective > today || effective <= asOf)
            throw new RequestRefused(Problems.Refused($"A publication of the review of {year} is dated after {LocalDatePattern.Iso.Format(asOf)} and not after today; {LocalDatePattern.Iso.Format(effective)} is not."));

        var sequence = await ReviewSources.LedgerSequence(session, ct);
        if (!await ReviewSources.WaitForProjections(session.DocumentStore, sequence, CatchUpTimeout, ct))
            throw new RequestRefused(Problems.CatchingUp($"The review projections have not yet reached the ledger's sequence {sequence}; publish again in a moment."));
        var review = await ReviewSources.FromProjections(session, commune, programme, year, now, sequence, ct);
        var chain = await Ledger.Verification.DigestThrough(session, sequence, ct);
        var publication = new ReviewPublished(year, effective, title, asOf, now, sequence, review.Sha256, review.Content, chain);
        return ReviewRecord.Append(session, key, record, publication, meta, now, headers);
    }

    [WolverinePost("/api/communes/{commune}/reviews/{year}/publication", Name = "PublishReview")]
    [EndpointSummary("Publish the review of a year: freeze it at the knowledge cut (the commune's last sequence, now) with the SHA-256 of its canonical content.")]
    public static Task<IResult> Publish(string commune, int year, PublishReview command, IDocumentSession session, IClock clock, HttpContext http) =>
        ReviewRecord.Write(commune, year, command.Programme, command, "publication", Render,
            (programme, meta, now) => Stage(session, commune, programme, year, Require.OptionalText(command.Title, "title", 300), command.EffectiveDate, meta, now, null, http.RequestAborted),
            session, clock, http);

    [WolverineGet("/api/communes/{commune}/reviews/{year}/publication", Name = "GetPublication")]
    [EndpointSummary("The published review of a year exactly as frozen: its cut, its hash and its content.")]
    public static async Task<IResult> Get(string commune, int year, string? programme, IQuerySession session, HttpContext http)
    {
        var target = await ReviewEndpoints.Programme(session, programme, year, http.RequestAborted);
        var key = ReviewRecord.StreamKey(target.Id, year);
        return Results.Json(await Render(session, key, 0, [], http.RequestAborted), JsonDefaults.Options);
    }

    [WolverineGet("/api/communes/{commune}/reviews/{year}/reproduction", Name = "ReproduceReview")]
    [EndpointSummary("Replay the raw events to the publication's cut, recompute the review, and compare its hash with the published one.")]
    public static async Task<IResult> Reproduce(string commune, int year, string? programme, IQuerySession session, HttpContext http)
    {
        var ct = http.RequestAborted;
        var target = await ReviewEndpoints.Programme(session, programme, year, ct);
        var publication = await Published(session, target.Id, year, ct);
        return Results.Json(await Reproduce(session, commune, target.Id, publication, ct), JsonDefaults.Options);
    }

    public static async Task<Reproduction> Reproduce(IQuerySession session, string commune, string programme, ReviewPublished publication, CancellationToken ct)
    {
        var replayed = await ReviewSources.FromRawEvents(session, commune, programme, publication.Year, publication.KnownAt, publication.ThroughSequence, ct);
        var published = publication.Content.Figures().ToDictionary(f => f.Key);
        var differences = replayed.Content.Figures()
            .Select(f => (f.Key, Published: published.GetValueOrDefault(f.Key)?.Value, Reproduced: f.Value))
            .Where(d => d.Published != d.Reproduced)
            .Select(d => new FigureDifference(d.Key, d.Published, d.Reproduced))
            .ToList();
        return new Reproduction(publication.Year, publication.KnownAt, publication.ThroughSequence, publication.Sha256, replayed.Sha256,
            publication.Sha256 == replayed.Sha256, differences);
    }

    public static async Task<ReviewPublished> Published(IQuerySession session, string programme, int year, CancellationToken ct) =>
        (await session.LoadAsync<ReviewRecord>(ReviewRecord.StreamKey(programme, year), ct))?.Publication
        ?? throw new RequestRefused(Problems.NotFound($"The review of {year} of the programme {programme} has not been published."));

    public static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(stream, version, token: ct);
        var e = events.LastOrDefault(x => x.Data is ReviewPublished)
            ?? throw new RequestRefused(Problems.NotFound($"{stream} has not been published."));
        var p = (ReviewPublished)e.Data;
        return new PublicationView(stream, p.Year, p.EffectiveDate, p.Title, p.AsOf, p.KnownAt, p.ThroughSequence, p.Sha256, e.UserName,
            RecordedTimes.RecordedAt(e), p.ChainDigest, p.Content);
    }
}
