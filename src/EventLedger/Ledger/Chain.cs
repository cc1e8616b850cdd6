using System.Security.Cryptography;
using JasperFx.Events;
using Marten;

namespace EventLedger.Ledger;

/// <summary>
/// The seal the service puts on each event it appends, in the append's own transaction: an event without a seal was
/// not appended through the service, and an event whose fingerprint no longer matches its seal was changed.
/// </summary>
public sealed record EventSeal
{
    /// <summary>The event's sequence in the ledger.</summary>
    public required long Id { get; init; }
    public required Guid EventId { get; init; }
    public required string Stream { get; init; }
    public required string Type { get; init; }
    public required EventFingerprint Fingerprint { get; init; }
}

/// <summary>One link of a commune's hash chain: SHA-256 of the previous link's digest and this event's hash.</summary>
public sealed record ChainLink
{
    public required long Id { get; init; }
    public required string EventHash { get; init; }
    public required string Digest { get; init; }
}

/// <summary>The end of a commune's chain as the async daemon has brought it.</summary>
public sealed record ChainHead
{
    public const string Key = "head";
    public string Id { get; init; } = Key;
    public required long Sequence { get; init; }
    public required long Events { get; init; }
    public required string Digest { get; init; }
}

public static class Chain
{
    /// <summary>Where every commune's chain starts.</summary>
    public static readonly string Genesis = EventFingerprint.Hex(SHA256.HashData("EventLedger hash chain, version 1"u8.ToArray()));

    public static string Next(string previous, string eventHash) =>
        EventFingerprint.Hex(SHA256.HashData(Convert.FromHexString(previous + eventHash)));
}

/// <summary>Seals every event in the transaction that appends it.</summary>
public sealed class EventSealProjection : Marten.Events.Projections.IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        foreach (var e in events)
        {
            operations.ForTenant(e.TenantId).Insert(new EventSeal
            {
                Id = e.Sequence,
                EventId = e.Id,
                Stream = e.StreamKey ?? e.StreamId.ToString(),
                Type = e.EventTypeName,
                Fingerprint = EventFingerprint.Of(e, serializer),
            });
        }
        return Task.CompletedTask;
    }
}

/// <summary>Extends each commune's hash chain, event by event in sequence order (the async daemon keeps the order).</summary>
public sealed class LedgerChainProjection : Marten.Events.Projections.IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        var heads = new Dictionary<string, ChainHead>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            var tenant = operations.ForTenant(e.TenantId);
            if (!heads.TryGetValue(e.TenantId, out var head))
                head = await tenant.LoadAsync<ChainHead>(ChainHead.Key, cancellation) ?? new ChainHead { Sequence = 0, Events = 0, Digest = Chain.Genesis };
            if (e.Sequence <= head.Sequence) continue;
            var hash = EventFingerprint.Of(e, serializer).EventHash;
            var digest = Chain.Next(head.Digest, hash);
            tenant.Store(new ChainLink { Id = e.Sequence, EventHash = hash, Digest = digest });
            heads[e.TenantId] = head = new ChainHead { Sequence = e.Sequence, Events = head.Events + 1, Digest = digest };
        }
        foreach (var (tenant, head) in heads) operations.ForTenant(tenant).Store(head);
    }
}
