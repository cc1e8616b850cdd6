using EventLedger.Common;
using EventLedger.Reviews;
using JasperFx.Events;
using Marten;

namespace EventLedger.Ledger;

/// <param name="Kind">changed (an event no longer matches its seal), missing (a sealed event is gone), extra (an event the
/// service never sealed), unreadable (an event's data can no longer be read), link (a stored chain link was altered).</param>
public sealed record LedgerDifference(long Sequence, string Kind, IReadOnlyList<string> What, Guid? EventId, string? Stream, string? Type, string Message);

/// <summary>Whether the ledger, recomputed from its raw events, still leads to a digest someone kept.</summary>
public sealed record DigestCheck(long Sequence, string Digest, bool LeadsToIt, string? Recomputed, string Message);

public sealed record LedgerVerification(
    string Commune,
    bool Verified,
    int Events,
    long HeadSequence,
    string HeadDigest,
    long ChainedThrough,
    int ChainLag,
    LedgerDifference? FirstDifference,
    IReadOnlyList<LedgerDifference> Differences,
    DigestCheck? Digest);

/// <summary>
/// Recomputes a commune's hash chain from its raw events and compares it with the seals put on each event at append
/// time and with the chain the daemon keeps; and says whether the ledger still leads to a digest kept outside it.
/// </summary>
public static class Verification
{
    public const int MaxDifferences = 100;
    private const long Page = 5_000;

    private sealed record RawEvent(long Sequence, IEvent? Event, string? Unreadable);

    public static async Task<LedgerVerification> Verify(IQuerySession session, string commune, string? digest, long? sequence, CancellationToken ct)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var last = await ReviewSources.LedgerSequence(session, ct);
        var seals = (await session.Query<EventSeal>().OrderBy(s => s.Id).ToListAsync(ct)).ToDictionary(s => s.Id);
        var links = (await session.Query<ChainLink>().OrderBy(l => l.Id).ToListAsync(ct)).ToDictionary(l => l.Id);
        var head = await session.LoadAsync<ChainHead>(ChainHead.Key, ct);
        var top = Math.Max(last, seals.Count == 0 ? 0 : seals.Keys.Max());
        var events = new List<RawEvent>();
        for (long from = 1; from <= top; from += Page) await Read(session, from, Math.Min(top, from + Page - 1), events, ct);
        var bySequence = events.ToDictionary(e => e.Sequence);

        var differences = new List<LedgerDifference>();
        var current = Chain.Genesis;
        long headSequence = 0;
        string? atSequence = null;
        foreach (var seq in bySequence.Keys.Union(seals.Keys).Order())
        {
            bySequence.TryGetValue(seq, out var raw);
            seals.TryGetValue(seq, out var seal);
            if (raw?.Event is { } e)
            {
                var fingerprint = EventFingerprint.Of(e, serializer);
                if (seal is null)
                    differences.Add(new(seq, "extra", ["event"], e.Id, e.StreamKey, e.EventTypeName, $"sequence {seq} ({e.EventTypeName} on {e.StreamKey}) carries no seal: it was not appended through the service"));
                else if (seal.Fingerprint != fingerprint)
                {
                    var what = seal.Fingerprint.PartsDifferingFrom(fingerprint);
                    differences.Add(new(seq, "changed", what, e.Id, e.StreamKey, e.EventTypeName, $"sequence {seq} ({e.EventTypeName} on {e.StreamKey}) no longer matches its seal: its {string.Join(", ", what)} changed"));
                }
                current = Chain.Next(current, fingerprint.EventHash);
                headSequence = seq;
                if (links.TryGetValue(seq, out var link) && link.Digest != current && differences.Count == 0)
                    differences.Add(new(seq, "link", ["chain"], e.Id, e.StreamKey, e.EventTypeName, $"the stored chain link at sequence {seq} is not the digest its events lead to"));
            }
            else if (raw?.Unreadable is { } why)
                differences.Add(new(seq, "unreadable", ["data"], seal?.EventId, seal?.Stream, seal?.Type, $"sequence {seq} can no longer be read: {why}"));
            else if (seal is not null)
                differences.Add(new(seq, "missing", ["event"], seal.EventId, seal.Stream, seal.Type, $"sequence {seq} ({seal.Type} on {seal.Stream}) was sealed when appended and is no longer in the ledger"));
            if (sequence is { } n && seq <= n) atSequence = current;
        }

        DigestCheck? check = null;
        if (digest is not null || sequence is not null)
        {
            if (digest is null || sequence is null)
                throw Require.Malformed("digest and sequence go together: the digest someone kept and the sequence it was taken at (a publication shows both).");
            var wanted = digest.Trim().ToLowerInvariant();
            check = !bySequence.ContainsKey(sequence.Value) && !seals.ContainsKey(sequence.Value)
                ? new DigestCheck(sequence.Value, wanted, false, null, $"the commune's ledger holds no event at sequence {sequence}")
                : new DigestCheck(sequence.Value, wanted, atSequence == wanted, atSequence,
                    atSequence == wanted ? $"the ledger's events through sequence {sequence} still lead to this digest"
                        : $"the ledger's events through sequence {sequence} lead to {atSequence}, not to this digest: what was kept is not what the ledger holds now");
        }

        var chained = head?.Sequence ?? 0;
        return new LedgerVerification(commune, differences.Count == 0 && check is not { LeadsToIt: false }, events.Count(e => e.Event is not null),
            headSequence, current, chained, events.Count(e => e.Sequence > chained),
            differences.FirstOrDefault(), differences.Take(MaxDifferences).ToList(), check);
    }

    /// <summary>The digest the commune's chain has reached at <paramref name="sequence"/>, from the raw events.</summary>
    public static async Task<string> DigestThrough(IQuerySession session, long sequence, CancellationToken ct)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var digest = Chain.Genesis;
        for (long from = 1; from <= sequence; from += Page)
        {
            var to = Math.Min(sequence, from + Page - 1);
            foreach (var e in await session.Events.QueryAllRawEvents().Where(e => e.Sequence >= from && e.Sequence <= to).OrderBy(e => e.Sequence).ToListAsync(ct))
                digest = Chain.Next(digest, EventFingerprint.Of(e, serializer).EventHash);
        }
        return digest;
    }

    /// <summary>Reads a range of raw events; a range that cannot be read is halved until the unreadable events are named.</summary>
    private static async Task Read(IQuerySession session, long from, long to, List<RawEvent> into, CancellationToken ct)
    {
        try
        {
            var page = await session.Events.QueryAllRawEvents().Where(e => e.Sequence >= from && e.Sequence <= to).OrderBy(e => e.Sequence).ToListAsync(ct);
            into.AddRange(page.Select(e => new RawEvent(e.Sequence, e, null)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (from == to)
            {
                into.Add(new RawEvent(from, null, e.InnerException?.Message ?? e.Message));
                return;
            }
            var middle = from + (to - from) / 2;
            await Read(session, from, middle, into, ct);
            await Read(session, middle + 1, to, into, ct);
        }
    }
}
