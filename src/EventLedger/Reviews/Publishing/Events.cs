using EventLedger.Common;
using NodaTime;

namespace EventLedger.Reviews.Publishing;

/// <summary>
/// A review was published: frozen with its year, D, its knowledge cut (the commune's last sequence and the recorded
/// time at publication), the SHA-256 of its canonical content, which is kept whole, and the digest the commune's hash
/// chain had reached at the cut (whoever keeps the printed review can verify the ledger against it later).
/// </summary>
public sealed record ReviewPublished(
    int Year,
    LocalDate EffectiveDate,
    string? Title,
    LocalDate AsOf,
    Instant KnownAt,
    long ThroughSequence,
    string Sha256,
    ReviewContent Content,
    string? ChainDigest = null);

/// <summary>One figure as a publication printed it (the format of <c>published-figures.json</c>).</summary>
public sealed record PrintedFigure(
    string? Review,
    string Section,
    string Source,
    string Metric,
    int? Orientation,
    string? Nature,
    decimal Value,
    string Unit,
    string? Raw = null,
    string? Note = null,
    int? Decimals = null)
{
    public string Key => FigureKey.Of(Metric, Orientation, Nature);
}

/// <summary>The figures a publication of the review printed, recorded so that they can be reconciled with the ledger.</summary>
public sealed record PublishedFiguresRecorded(int Year, LocalDate EffectiveDate, string Source, string? About, IReadOnlyList<PrintedFigure> Figures);

/// <summary>A review's stream: its publication and the printed figures recorded for it.</summary>
public sealed record ReviewRecord
{
    /// <summary>The stream key, <c>PROGRAMME/reviews/YEAR</c>.</summary>
    public required string Id { get; init; }
    public ReviewPublished? Publication { get; init; }
    public Guid? PublicationEventId { get; init; }
    public PublishedFiguresRecorded? Printed { get; init; }
    public long Version { get; set; }

    public static string StreamKey(string programme, int year) => $"{programme}/reviews/{year}";

    /// <summary>
    /// The one path by which the API writes to a review's stream: idempotency replay, the programme covering the year,
    /// the staged fact, and the commit with its receipt.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Http.IResult> Write(string commune, int year, string? programme, object command, string resource,
        Common.WriteRenderer render, Func<Programmes.Programme, Common.RequestMetadata, Instant, Task<(JasperFx.Events.IEvent Event, long Version)>> stage,
        Marten.IDocumentSession session, IClock clock, Microsoft.AspNetCore.Http.HttpContext http)
    {
        var ct = http.RequestAborted;
        var meta = Common.RequestMetadata.Read(http);
        var fingerprint = Common.Writes.Fingerprint(http, command);
        if (await Common.Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, render, ct) is { } replay) return replay;
        var target = await Reading.ReviewEndpoints.Programme(session, programme, year, ct);
        var now = clock.GetCurrentInstant();
        var (e, version) = await stage(target, meta, now);
        var write = new Common.PendingWrite(StreamKey(target.Id, year), version, [e], Microsoft.AspNetCore.Http.StatusCodes.Status201Created,
            $"/api/communes/{commune}/reviews/{year}/{resource}?programme={target.Id}", render);
        return await Common.Writes.Commit(http, session, meta, fingerprint, write, now);
    }

    /// <summary>Stages one fact on a review's stream, after <paramref name="record"/> (null: the stream starts); the caller saves.</summary>
    public static (JasperFx.Events.IEvent Event, long Version) Append(Marten.IDocumentSession session, string key, ReviewRecord? record, object fact,
        Common.RequestMetadata meta, Instant now, IReadOnlyDictionary<string, object>? headers)
    {
        var e = Common.Writes.Prepare(session, meta, Guid.CreateVersion7(), fact, now, headers);
        if (record is null) session.Events.StartStream(key, e);
        else session.Events.Append(key, record.Version + 1, e);
        return (e, (record?.Version ?? 0) + 1);
    }
}
