using System.Text.Json;
using EventLedger.Common;
using EventLedger.Communes;
using EventLedger.Contracts.V1;
using EventLedger.Integration;
using EventLedger.Programmes;
using EventLedger.Projects;
using Marten;
using NodaTime;

namespace EventLedger.Finance;

/// <summary>A finance document already turned into a fact: what makes a finance message idempotent.</summary>
public sealed record FinanceDocument
{
    /// <summary><c>KIND:DOCUMENT</c>, e.g. <c>payment-made:OP-2025-0042</c>.</summary>
    public required string Id { get; init; }
    public required Guid EventId { get; init; }
    public required string Project { get; init; }
    public required Instant RecordedAt { get; init; }
}

/// <summary>A finance message that could not be recorded, kept with the reason until it is replayed.</summary>
public sealed record FinanceDeadLetter
{
    public required Guid Id { get; init; }
    public string? Commune { get; init; }
    public required string Channel { get; init; }
    public required string Body { get; init; }
    public required string Reason { get; init; }
    public required Instant ReceivedAt { get; init; }
    public string Status { get; init; } = "dead";
    public Instant? ReplayedAt { get; init; }
    public Guid? RecordedAs { get; init; }
    public int Attempts { get; init; } = 1;
}

/// <param name="Outcome">recorded, duplicate or dead-lettered.</param>
public sealed record FinanceOutcome(string Outcome, string? Commune, string? Project, Guid? EventId, Guid? DeadLetterId, string? Reason, int Status);

/// <summary>
/// Turns a finance message (a CloudEvents envelope, from a queue or over HTTP) into a money fact on the project's
/// stream, exactly once per finance document; anything that cannot be recorded goes to the dead letters with why.
/// </summary>
public static class FinanceInbox
{
    public const string Currency = OutboundEvents.Currency;

    private sealed class Dead(string reason, int status, string? commune = null) : Exception(reason)
    {
        public int Status { get; } = status;
        public string? Commune { get; } = commune;
    }

    public static async Task<FinanceOutcome> Process(IDocumentStore store, string? routeCommune, string body, string channel, Instant now,
        Guid? replayOf, CancellationToken ct)
    {
        try
        {
            return await Record(store, routeCommune, body, now, ct);
        }
        catch (Dead dead)
        {
            var commune = dead.Commune ?? routeCommune;
            await using var registry = store.LightweightSession(CommunesConfiguration.RegistryTenant);
            var existing = replayOf is { } id ? await registry.LoadAsync<FinanceDeadLetter>(id, ct) : null;
            var letter = existing is not null
                ? existing with { Body = body, Reason = dead.Message, Attempts = existing.Attempts + 1 }
                : new FinanceDeadLetter { Id = Guid.CreateVersion7(), Commune = commune, Channel = channel, Body = body, Reason = dead.Message, ReceivedAt = now };
            registry.Store(letter);
            await registry.SaveChangesAsync(ct);
            return new FinanceOutcome("dead-lettered", commune, null, null, letter.Id, dead.Message, dead.Status);
        }
    }

    private static async Task<FinanceOutcome> Record(IDocumentStore store, string? routeCommune, string body, Instant now, CancellationToken ct)
    {
        FinanceCloudEvent message;
        FinanceMoneyMessage data;
        try
        {
            message = JsonSerializer.Deserialize<FinanceCloudEvent>(body, JsonDefaults.Options) ?? throw new JsonException("the body is empty");
            if (string.IsNullOrWhiteSpace(message.Id) || string.IsNullOrWhiteSpace(message.Source) || string.IsNullOrWhiteSpace(message.Type))
                throw new JsonException("a CloudEvents envelope needs id, source and type");
            data = message.Data.Deserialize<FinanceMoneyMessage>(OutboundEvents.ContractJson) ?? throw new JsonException("data is empty");
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new Dead($"the message cannot be read as a CloudEvents finance message: {unreadable.Message}", StatusCodes.Status400BadRequest);
        }
        if (!ContractTypes.Inbound.ContainsKey(message.Type))
            throw new Dead($"'{message.Type}' is not a finance message type; the types are {string.Join(", ", ContractTypes.Inbound.Keys)}", StatusCodes.Status400BadRequest);
        var kind = message.Type switch
        {
            var t when t.Contains("commitment", StringComparison.Ordinal) => MoneyFactKind.Commitment,
            var t when t.Contains("payment-ordered", StringComparison.Ordinal) => MoneyFactKind.PaymentOrdered,
            _ => MoneyFactKind.PaymentMade,
        };

        var commune = routeCommune ?? data.Commune;
        if (commune is null) throw new Dead("data.commune is required on a queue: which commune's ledger the money belongs to", StatusCodes.Status400BadRequest);
        if (routeCommune is not null && data.Commune is { } named && named != routeCommune)
            throw new Dead($"the message is for the commune '{named}', not '{routeCommune}'", StatusCodes.Status422UnprocessableEntity, commune);
        await using (var registry = store.QuerySession(CommunesConfiguration.RegistryTenant))
            if (await registry.LoadAsync<Commune>(commune, ct) is null)
                throw new Dead($"no commune '{commune}' is registered", StatusCodes.Status404NotFound, commune);

        if (data.Amount is not { } amount || !Money.TryCreate(amount, out var money) || amount <= 0)
            throw new Dead($"the amount must be a positive number of {Currency} with at most two decimals; it is {data.Amount?.ToString() ?? "missing"}", StatusCodes.Status422UnprocessableEntity, commune);
        if (data.Currency != Currency)
            throw new Dead($"the currency must be {Currency}; '{data.Currency}' is not recorded", StatusCodes.Status422UnprocessableEntity, commune);
        if (string.IsNullOrWhiteSpace(data.DocumentNumber) || data.DocumentNumber.Length > 100)
            throw new Dead("documentNumber is required (at most 100 characters): the finance document that makes the message unique", StatusCodes.Status400BadRequest, commune);
        if (data.Date is not { } date) throw new Dead("date is required: the finance document's date", StatusCodes.Status400BadRequest, commune);
        if (!ProjectCode.TryParse(data.Project?.Trim() ?? message.Subject, out var code))
            throw new Dead($"'{data.Project ?? message.Subject}' is not a project code: {ProjectCode.Rule}", StatusCodes.Status400BadRequest, commune);

        await using var session = store.LightweightSession(commune);
        var effective = LocalDate.FromDateOnly(date);
        Programme programme;
        try
        {
            programme = await ProgrammeLookup.Resolve(session, data.Programme, effective, ct);
        }
        catch (RequestRefused refused)
        {
            throw new Dead(refused.Detail, StatusCodes.Status404NotFound, commune);
        }
        var key = Project.StreamKey(programme.Id, code);
        var documentKey = $"{KebabNames.Of(kind)}:{data.DocumentNumber.Trim()}";
        if (await session.LoadAsync<FinanceDocument>(documentKey, ct) is { } known)
            return new FinanceOutcome("duplicate", commune, known.Project, known.EventId, null, $"{documentKey} was already recorded", StatusCodes.Status200OK);
        var project = await session.LoadAsync<Project>(key, ct)
            ?? throw new Dead($"the programme {programme.Id} of {commune} has no project {code}", StatusCodes.Status404NotFound, commune);

        var fact = new ProjectMoneyRecorded(effective, kind, money, Currency, data.DocumentNumber.Trim(), message.Source);
        var context = new ProjectCommandContext(project, programme, now, now.InUtc().Date, Guid.CreateVersion7);
        var decision = context.Append(fact);
        if (decision.IsRefused) throw new Dead(decision.Refusal!, StatusCodes.Status422UnprocessableEntity, commune);

        var meta = new RequestMetadata($"finance:{message.Source}", message.Id, null, null);
        var e = Writes.Prepare(session, meta, decision.Facts[0].Id, fact, now);
        session.Events.Append(key, project.Version + 1, e);
        session.Insert(new FinanceDocument { Id = documentKey, EventId = e.Id, Project = code.Value, RecordedAt = now });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception x) when (Writes.IsLostRace(x))
        {
            await using var fresh = store.QuerySession(commune);
            if (await fresh.LoadAsync<FinanceDocument>(documentKey, ct) is { } winner)
                return new FinanceOutcome("duplicate", commune, winner.Project, winner.EventId, null, $"{documentKey} was already recorded", StatusCodes.Status200OK);
            throw new Dead($"{key} changed while the message was recorded; replay it", StatusCodes.Status409Conflict, commune);
        }
        return new FinanceOutcome("recorded", commune, code.Value, e.Id, null, null, StatusCodes.Status201Created);
    }
}
