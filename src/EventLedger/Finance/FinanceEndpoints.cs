using EventLedger.Common;
using EventLedger.Communes;
using EventLedger.Contracts.V1;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Finance;

/// <summary>Finance messages over HTTP, their dead letters, and the queue handler.</summary>
public static class FinanceEndpoints
{
    [WolverinePost("/api/communes/{commune}/finance/messages", Name = "ReceiveFinanceMessage")]
    [EndpointSummary("A finance message (CloudEvents JSON: commitment recorded, payment ordered, payment made) recorded as a money fact on its project; the same document twice gives one fact; what cannot be recorded goes to the dead letters with the reason.")]
    public static async Task<IResult> Receive(string commune, IDocumentStore store, IClock clock, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        return Answer(await FinanceInbox.Process(store, commune, body, "http", clock.GetCurrentInstant(), null, http.RequestAborted));
    }

    [WolverineGet("/api/communes/{commune}/finance/dead-letters", Name = "FinanceDeadLetters")]
    [EndpointSummary("The finance messages of this commune that could not be recorded, with the reason (status=dead or replayed).")]
    public static async Task<IReadOnlyList<FinanceDeadLetter>> DeadLetters(string commune, string? status, IDocumentStore store, HttpContext http)
    {
        await using var registry = store.QuerySession(CommunesConfiguration.RegistryTenant);
        var query = registry.Query<FinanceDeadLetter>().Where(d => d.Commune == commune);
        if (status is not null) query = query.Where(d => d.Status == status);
        return await query.OrderBy(d => d.ReceivedAt).ToListAsync(http.RequestAborted);
    }

    [WolverineGet("/api/finance/dead-letters", Name = "AllFinanceDeadLetters")]
    [EndpointSummary("Every finance message that could not be recorded, including those whose commune could not be read.")]
    public static async Task<IReadOnlyList<FinanceDeadLetter>> AllDeadLetters(string? status, IDocumentStore store, HttpContext http)
    {
        await using var registry = store.QuerySession(CommunesConfiguration.RegistryTenant);
        var query = registry.Query<FinanceDeadLetter>().AsQueryable();
        if (status is not null) query = query.Where(d => d.Status == status);
        return await query.OrderBy(d => d.ReceivedAt).ToListAsync(http.RequestAborted);
    }

    [WolverinePost("/api/finance/dead-letters/{id}/replay", Name = "ReplayAnyFinanceDeadLetter")]
    [EndpointSummary("Replay a dead letter whose commune could not be read, with the corrected message (naming its commune) as the body.")]
    public static Task<IResult> ReplayAny(Guid id, IDocumentStore store, IClock clock, HttpContext http) => ReplayLetter(null, id, store, clock, http);

    [WolverinePost("/api/communes/{commune}/finance/dead-letters/{id}/replay", Name = "ReplayFinanceDeadLetter")]
    [EndpointSummary("Replay a dead letter once its cause is fixed: as received, or with the corrected message as the body.")]
    public static Task<IResult> Replay(string commune, Guid id, IDocumentStore store, IClock clock, HttpContext http) => ReplayLetter(commune, id, store, clock, http);

    private static async Task<IResult> ReplayLetter(string? commune, Guid id, IDocumentStore store, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        FinanceDeadLetter? letter;
        await using (var registry = store.QuerySession(CommunesConfiguration.RegistryTenant))
            letter = await registry.LoadAsync<FinanceDeadLetter>(id, ct);
        if (letter is null || commune is not null && letter.Commune != commune) return Problems.NotFound($"There is no dead letter {id}{(commune is null ? "" : $" for the commune {commune}")}.");
        if (letter.Status == "replayed") return Problems.Duplicate($"The dead letter {id} was replayed at {letter.ReplayedAt}, as the fact {letter.RecordedAs}.");

        using var reader = new StreamReader(http.Request.Body);
        var corrected = await reader.ReadToEndAsync(ct);
        var body = string.IsNullOrWhiteSpace(corrected) ? letter.Body : corrected;
        var now = clock.GetCurrentInstant();
        var outcome = await FinanceInbox.Process(store, commune, body, letter.Channel, now, id, ct);
        if (outcome.Outcome != "dead-lettered")
        {
            await using var registry = store.LightweightSession(CommunesConfiguration.RegistryTenant);
            registry.Store(letter with { Body = body, Status = "replayed", ReplayedAt = now, RecordedAs = outcome.EventId });
            await registry.SaveChangesAsync(ct);
        }
        return Answer(outcome);
    }

    private static IResult Answer(FinanceOutcome outcome) => outcome.Outcome switch
    {
        "dead-lettered" => Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = outcome.Status,
            Type = "/problems/finance-message-dead-lettered",
            Title = "The finance message was not recorded; it is kept in the dead letters",
            Detail = $"{outcome.Reason}. Fix the cause, then replay it: POST /api/communes/{outcome.Commune}/finance/dead-letters/{outcome.DeadLetterId}/replay.",
            Extensions = { ["deadLetterId"] = outcome.DeadLetterId },
        }),
        _ => Results.Json(outcome, JsonDefaults.Options, statusCode: outcome.Status),
    };
}

/// <summary>Finance messages from the queue (PostgreSQL, or RabbitMQ when configured). Nothing thrown: failures become dead letters.</summary>
public static class FinanceQueueHandler
{
    public static async Task Handle(FinanceCloudEvent message, IDocumentStore store, IClock clock, CancellationToken ct)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(message, JsonDefaults.Options);
        await FinanceInbox.Process(store, null, body, "queue", clock.GetCurrentInstant(), null, ct);
    }

    /// <summary>A message from RabbitMQ as it arrived, read or not: what cannot be read is a dead letter too.</summary>
    public static async Task Handle(RawFinanceMessage message, IDocumentStore store, IClock clock, CancellationToken ct) =>
        await FinanceInbox.Process(store, null, message.Body, "rabbitmq", clock.GetCurrentInstant(), null, ct);
}

/// <summary>The bytes of an inbound message as text, before anyone tries to read them.</summary>
public sealed record RawFinanceMessage(string Body);

/// <summary>Hands inbound RabbitMQ messages over unread, so that the inbox (not the transport) decides what cannot be read.</summary>
public sealed class RawFinanceSerializer : Wolverine.Runtime.Serialization.IMessageSerializer
{
    public string ContentType => "application/json";

    public byte[] Write(Wolverine.Envelope envelope) => WriteMessage(envelope.Message!);

    public object ReadFromData(Type messageType, Wolverine.Envelope envelope) => ReadFromData(envelope.Data ?? []);

    public object ReadFromData(byte[] data) => new RawFinanceMessage(System.Text.Encoding.UTF8.GetString(data));

    public byte[] WriteMessage(object message) =>
        message is RawFinanceMessage raw ? System.Text.Encoding.UTF8.GetBytes(raw.Body) : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, JsonDefaults.Options);
}
