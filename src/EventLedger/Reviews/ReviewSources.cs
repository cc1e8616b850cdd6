using EventLedger.Common;
using EventLedger.Financing;
using EventLedger.Programmes;
using EventLedger.Projects;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace EventLedger.Reviews;

/// <summary>
/// The two ways a review is computed, from the same pure <see cref="ReviewCalculator"/>: from the projections the async
/// daemon keeps (what a request is served from: one line per project of the commune's programme, never the event
/// table), and from a replay of the raw events (what reproduction uses, so that a frozen figure does not rest on a
/// projection).
/// </summary>
public static class ReviewSources
{
    public const string Projections = "projections";
    public const string RawEvents = "raw-events";

    /// <summary>The projections a review reads; their shards' progress is the review's own.</summary>
    public static readonly string[] Shards = [nameof(ReviewLine), nameof(FinancingLedger)];

    public static async Task<Review> FromProjections(IQuerySession session, string commune, Programme programme, int year, Instant knownAt,
        long? throughSequence, CancellationToken ct)
    {
        var ledgerSequence = await LedgerSequence(session, ct);
        var projectionSequence = await ProjectionSequence(session.DocumentStore, ct);
        var lines = await session.Query<ReviewLine>().Where(l => l.Programme == programme.Id).ToListAsync(ct);
        var financing = await session.LoadAsync<FinancingLedger>(FinancingLedger.StreamKey(programme.Id), ct) ?? FinancingLedger.Empty(programme.Id);
        var content = ReviewCalculator.Compute(new ReviewInput(commune, programme, year, knownAt, throughSequence,
            lines.Select(l => l.Entries).ToList(), financing));
        return new Review(content, content.Sha256(), new ReviewSource(Projections, projectionSequence, ledgerSequence));
    }

    /// <summary>Replays the commune's raw events through <paramref name="throughSequence"/> (all when null).</summary>
    public static async Task<Review> FromRawEvents(IQuerySession session, string commune, string programmeCode, int year, Instant knownAt,
        long? throughSequence, CancellationToken ct)
    {
        var ledgerSequence = await LedgerSequence(session, ct);
        var input = await RawInput(session, commune, programmeCode, year, knownAt, throughSequence, ct);
        var content = ReviewCalculator.Compute(input);
        return new Review(content, content.Sha256(), new ReviewSource(RawEvents, null, ledgerSequence));
    }

    /// <summary>What a review is computed from, read from the raw events through <paramref name="throughSequence"/>.</summary>
    public static async Task<ReviewInput> RawInput(IQuerySession session, string commune, string programmeCode, int year, Instant knownAt,
        long? throughSequence, CancellationToken ct)
    {
        var query = session.Events.QueryAllRawEvents();
        var events = throughSequence is { } s
            ? await query.Where(e => e.Sequence <= s).OrderBy(e => e.Sequence).ToListAsync(ct)
            : await query.OrderBy(e => e.Sequence).ToListAsync(ct);

        Programme? programme = null;
        var projects = new Dictionary<string, List<TimelineEntry>>();
        var financing = FinancingLedger.Empty(programmeCode);
        var projectPrefix = programmeCode + ":";
        foreach (var e in events)
        {
            if (e.StreamKey == programmeCode)
            {
                if (RecordedTimes.RecordedAt(e) > knownAt) continue;
                programme = e.Data switch
                {
                    ProgrammeAdopted a => Programme.Create(a),
                    ProgrammeRevised r when programme is not null => programme.Apply(r),
                    _ => programme,
                };
            }
            else if (e.StreamKey == financing.Id) financing = financing.With(e);
            else if (e.Data is IProjectFact && e.StreamKey!.StartsWith(projectPrefix, StringComparison.Ordinal))
            {
                if (!projects.TryGetValue(e.StreamKey, out var entries)) projects[e.StreamKey] = entries = [];
                entries.Add(TimelineEntry.From(e));
            }
        }
        if (programme is null)
            throw new RequestRefused(Problems.NotFound($"The commune {commune} had no programme {programmeCode} at that cut."));

        return new ReviewInput(commune, programme, year, knownAt, throughSequence, projects.Values.ToList(), financing);
    }

    /// <summary>The commune's highest sequence (0 for an empty ledger).</summary>
    public static async Task<long> LedgerSequence(IQuerySession session, CancellationToken ct) =>
        await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(ct);

    /// <summary>The sequence through which every projection a review reads has been brought by the daemon.</summary>
    public static async Task<long> ProjectionSequence(IDocumentStore store, CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var marks = Shards.Select(shard => progress.Where(p => p.ShardName.StartsWith(shard + ":", StringComparison.Ordinal)).Select(p => p.Sequence).DefaultIfEmpty(0).Max());
        return marks.Min();
    }

    /// <summary>Waits until the daemon has brought the review projections through <paramref name="sequence"/>.</summary>
    public static async Task<bool> WaitForProjections(IDocumentStore store, long sequence, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await ProjectionSequence(store, ct) >= sequence) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100, ct);
        }
    }
}
