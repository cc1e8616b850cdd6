using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace EventLedger.Common;

/// <summary>
/// A write kept under the client's Idempotency-Key, in the transaction of the append itself, so that a retry appends
/// nothing and gets the first answer (rendered again from the stream at the version the write reached).
/// </summary>
public sealed record CommandReceipt
{
    public required string Id { get; init; }
    public required string Fingerprint { get; init; }
    public required int Status { get; init; }
    public required string Stream { get; init; }
    public required long Version { get; init; }
    public required IReadOnlyList<Guid> EventIds { get; init; }
    public string? Location { get; init; }
    public required Instant RecordedAt { get; init; }
}

/// <summary>Renders the answer to a write from the stream at the version the write reached.</summary>
public delegate Task<object> WriteRenderer(IQuerySession session, string stream, long version, IReadOnlyList<Guid> eventIds, CancellationToken ct);

/// <summary>One write of the API: the events appended in a session, the answer's status and location.</summary>
public sealed record PendingWrite(string Stream, long Version, IReadOnlyList<IEvent> Events, int Status, string? Location, WriteRenderer Render);

public static class Writes
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static string Fingerprint(HttpContext http, object command) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(command, command.GetType(), JsonDefaults.Options)}")));

    /// <summary>The first answer to this key, or null when the key is new. A key reused for another request is refused.</summary>
    public static async Task<IResult?> Replay(IQuerySession session, HttpContext http, string? key, string fingerprint, WriteRenderer render, CancellationToken ct)
    {
        if (key is null) return null;
        var receipt = await session.LoadAsync<CommandReceipt>(key, ct);
        if (receipt is null) return null;
        if (receipt.Fingerprint != fingerprint)
            return Problems.IdempotencyKeyReused($"The Idempotency-Key '{key}' was first used at {receipt.RecordedAt} for a different request; use a new key for a new command.");
        http.Response.Headers[ReplayedHeader] = "true";
        var body = await render(session, receipt.Stream, receipt.Version, receipt.EventIds, ct);
        return Answer(http, receipt.Status, body, receipt.Location, receipt.Version);
    }

    /// <summary>Saves the write and its receipt together; a lost race appends nothing and answers 409 (or the winner's answer for the same key).</summary>
    public static async Task<IResult> Commit(HttpContext http, IDocumentSession session, RequestMetadata meta, string fingerprint, PendingWrite write, Instant now)
    {
        var ct = http.RequestAborted;
        if (meta.IdempotencyKey is { } key)
        {
            session.Insert(new CommandReceipt
            {
                Id = key,
                Fingerprint = fingerprint,
                Status = write.Status,
                Stream = write.Stream,
                Version = write.Version,
                EventIds = write.Events.Select(e => e.Id).ToList(),
                Location = write.Location,
                RecordedAt = now,
            });
        }

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsLostRace(e))
        {
            await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
            if (await Replay(fresh, http, meta.IdempotencyKey, fingerprint, write.Render, ct) is { } replay) return replay;
            return IsCollision(e)
                ? Problems.Duplicate($"{write.Stream} already exists; nothing was appended.")
                : Problems.StaleVersion($"{write.Stream} was changed by another request while this one was being decided; nothing was appended. Read it again and retry.");
        }

        var body = await write.Render(session, write.Stream, write.Version, write.Events.Select(e => e.Id).ToList(), ct);
        return Answer(http, write.Status, body, write.Location, write.Version);
    }

    private static IResult Answer(HttpContext http, int status, object body, string? location, long version)
    {
        http.Response.Headers.ETag = $"\"{version}\"";
        if (location is not null) http.Response.Headers.Location = location;
        return Results.Json(body, JsonDefaults.Options, statusCode: status);
    }

    public static bool IsLostRace(Exception e) =>
        e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException
        || IsCollision(e) || e.InnerException is { } inner && IsLostRace(inner);

    private static bool IsCollision(Exception e) =>
        e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is { } inner && IsCollision(inner);

    /// <summary>Wraps an event with its id, recorded time and headers, and stamps the session with the request's actor and correlation id.</summary>
    public static IEvent Prepare(IDocumentSession session, RequestMetadata meta, Guid id, object data, Instant recordedAt, IReadOnlyDictionary<string, object>? headers = null)
    {
        session.LastModifiedBy = meta.Actor;
        session.CorrelationId = meta.CorrelationId;
        session.CausationId = meta.IdempotencyKey;
        // typed by the data's runtime type, so that Marten stores it under its mapped event name
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Id = id;
        RecordedTimes.Stamp(e, recordedAt);
        if (headers is not null)
            foreach (var (name, value) in headers) e.SetHeader(name, value);
        return e;
    }
}
