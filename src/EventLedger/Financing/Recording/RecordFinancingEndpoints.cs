using EventLedger.Common;
using EventLedger.Programmes;
using EventLedger.Projects;
using JasperFx.Events;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Financing.Recording;

public sealed record PlanFinancing(LocalDate? EffectiveDate, int? FirstYear, int? LastYear, decimal? Amount, string? Note = null, long? ExpectedVersion = null);

public sealed record MobiliseFunds(LocalDate? EffectiveDate, string? Source, decimal? Amount, string? Reference, string? Agreement = null, string? Plan = null,
    bool Reconstructed = false, long? ExpectedVersion = null);

public sealed record SignAgreement(LocalDate? EffectiveDate, string? Number, string? TitleAr, string? TitleFr, string? Kind, decimal? Envelope,
    IReadOnlyList<string>? Partners, bool Reconstructed = false, long? ExpectedVersion = null);

public sealed record RetractFinancingFact(Guid? EventId, string? Reason, LocalDate? EffectiveDate = null, long? ExpectedVersion = null);

/// <summary>What a financing decision reads: the programme, its financing stream as stored, and today.</summary>
public sealed record FinancingContext(Programme Programme, FinancingLedger Ledger, LocalDate Today)
{
    public LocalDate Date(LocalDate? effective)
    {
        var date = Require.EffectiveDate(effective);
        if (ProjectCommandContext.DateRefusal(Programme, Today, date) is { } refusal) throw Refuse(refusal);
        return date;
    }

    public static RequestRefused Refuse(string detail) => new(Problems.Refused($"{detail.TrimEnd('.')}."));
}

/// <summary>The financing of a programme: plans, funds mobilised, partnership agreements, and their corrections.</summary>
public static class RecordFinancingEndpoints
{
    public static IFinancingFact Decide(PlanFinancing c, FinancingContext x)
    {
        var date = x.Date(c.EffectiveDate);
        var first = Require.Year(c.FirstYear, "firstYear");
        var last = Require.Year(c.LastYear, "lastYear");
        if (last < first) throw Require.Malformed($"lastYear {last} is before firstYear {first}.");
        var amount = Require.Amount(c.Amount, "amount", "the financing planned, in dirhams");
        if (amount.IsNegative) throw FinancingContext.Refuse("a planned amount cannot be negative");
        var plan = new FinancingPlanned(date, first, last, amount, Require.OptionalText(c.Note, "note", 1000));
        if (x.Ledger.StateAt().Plans.Any(p => p.Plan == plan.Plan))
            throw new RequestRefused(Problems.Duplicate($"The programme {x.Programme.Id} already has a financing plan {plan.Plan}; retract it to replace it."));
        return plan;
    }

    public static IFinancingFact Decide(MobiliseFunds c, FinancingContext x)
    {
        var date = x.Date(c.EffectiveDate);
        if (!FinancingNames.TryParse<FundingSource>(c.Source, out var source))
            throw Require.Malformed($"source must be one of {FinancingNames.All<FundingSource>()}; '{c.Source}' is not.");
        var amount = Require.Amount(c.Amount, "amount", "the amount mobilised, in dirhams");
        var reference = Require.Text(c.Reference, "reference", "the finance document that proves the funds (order, receipt, transfer number)", 100);
        var agreement = Require.OptionalText(c.Agreement, "agreement", 60);
        var plan = Require.OptionalText(c.Plan, "plan", 20);
        var now = x.Ledger.StateAt();
        if (amount.IsNegative || amount == Money.Zero) throw FinancingContext.Refuse("an amount mobilised is positive; retract a wrong one instead of recording a negative one");
        if (agreement is not null && source != FundingSource.Partnerships)
            throw FinancingContext.Refuse($"funds under an agreement come from partnerships, not {FinancingNames.Of(source)}");
        if (agreement is not null && now.Agreements.All(a => a.Number != agreement))
            throw FinancingContext.Refuse($"the programme {x.Programme.Id} has no partnership agreement '{agreement}'; record its signature first");
        if (plan is not null && now.Plans.All(p => p.Plan != plan))
            throw FinancingContext.Refuse($"the programme {x.Programme.Id} has no financing plan '{plan}' (it has {string.Join(", ", now.Plans.Select(p => p.Plan).DefaultIfEmpty("none"))})");
        if (now.Funds.Any(f => f.Reference == reference))
            throw new RequestRefused(Problems.Duplicate($"Funds with the reference '{reference}' are already recorded."));
        return new FundsMobilised(date, source, amount, reference, agreement, plan, c.Reconstructed);
    }

    public static IFinancingFact Decide(SignAgreement c, FinancingContext x)
    {
        var date = x.Date(c.EffectiveDate);
        var number = Require.Text(c.Number, "number", "the agreement's number", 60);
        var title = new BilingualText(Require.Text(c.TitleAr, "titleAr", "the agreement's title in Arabic", 1000), Require.Text(c.TitleFr, "titleFr", "the agreement's title in French", 1000));
        if (!FinancingNames.TryParse<AgreementKind>(c.Kind, out var kind))
            throw Require.Malformed($"kind must be one of {FinancingNames.All<AgreementKind>()}; '{c.Kind}' is not.");
        var envelope = Require.Amount(c.Envelope, "envelope", "what the partners commit, in dirhams");
        if (envelope.IsNegative) throw FinancingContext.Refuse("an envelope cannot be negative");
        var partners = (c.Partners ?? []).Select((p, i) => Require.Text(p, $"partners[{i}]", "a partner's name", 200)).ToList();
        if (partners.Count == 0) throw Require.Malformed("partners is required: who signed with the commune, at least one.");
        if (x.Ledger.StateAt().Agreements.Any(a => a.Number == number))
            throw new RequestRefused(Problems.Duplicate($"The agreement '{number}' is already recorded."));
        return new PartnershipAgreementSigned(date, number, title, kind, envelope, partners, c.Reconstructed);
    }

    public static IFinancingFact Decide(RetractFinancingFact c, FinancingContext x)
    {
        var id = Require.Present(c.EventId, "eventId", "the id of the financing fact to retract");
        var reason = Require.Text(c.Reason, "reason", "why the fact is retracted", 2000);
        var date = x.Date(c.EffectiveDate ?? x.Today);
        var ledger = x.Ledger;
        var target = ledger.Plans.Select(p => (p.EventId, Type: "financing_planned"))
            .Concat(ledger.Funds.Select(p => (p.EventId, Type: "funds_mobilised")))
            .Concat(ledger.Agreements.Select(p => (p.EventId, Type: "partnership_agreement_signed")))
            .FirstOrDefault(p => p.EventId == id);
        if (target.Type is null) throw FinancingContext.Refuse($"no financing fact {id} exists in the programme {x.Programme.Id}");
        if (ledger.Retractions.Any(r => r.Fact.RetractedEventId == id)) throw FinancingContext.Refuse($"the fact {id} is already retracted");
        return new FinancingFactRetracted(date, id, target.Type, reason);
    }

    /// <summary>Stages financing facts on the programme's financing stream (the caller saves); returns the appended events.</summary>
    public static IReadOnlyList<IEvent> Stage(IDocumentSession session, FinancingLedger ledger, IEnumerable<IFinancingFact> facts, RequestMetadata meta,
        Instant now, IReadOnlyDictionary<string, object>? headers = null)
    {
        var events = facts.Select(f => Writes.Prepare(session, meta, Guid.CreateVersion7(), f, now, headers)).ToArray();
        if (ledger.Version == 0) session.Events.StartStream(ledger.Id, events);
        else session.Events.Append(ledger.Id, ledger.Version + events.Length, events);
        return events;
    }

    /// <summary>The financing stream as stored now, read from the events themselves (decisions never read a lagging projection).</summary>
    public static async Task<FinancingLedger> Current(IQuerySession session, string programme, CancellationToken ct)
    {
        var ledger = FinancingLedger.Empty(programme);
        foreach (var e in await session.Events.FetchStreamAsync(ledger.Id, token: ct)) ledger = ledger.With(e);
        return ledger;
    }

    private static async Task<IResult> Execute<T>(string commune, string code, T command, long? bodyVersion, Func<T, FinancingContext, IFinancingFact> decide,
        IDocumentSession session, IClock clock, HttpContext http) where T : notnull
    {
        var ct = http.RequestAborted;
        var meta = RequestMetadata.Read(http);
        var expected = meta.ExpectedVersion(bodyVersion);
        var fingerprint = Writes.Fingerprint(http, command);
        if (await Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, Render, ct) is { } replay) return replay;

        var programme = await ProgrammeLookup.Resolve(session, code, default, ct);
        var ledger = await Current(session, programme.Id, ct);
        if (expected is { } v && v != ledger.Version)
            return Problems.StaleVersion($"You read the financing of {programme.Id} at version {v}; it is now at version {ledger.Version}. Read it again, then decide whether your command still holds.");
        var now = clock.GetCurrentInstant();
        var fact = decide(command, new FinancingContext(programme, ledger, ProjectWrites.Today(clock)));
        var events = Stage(session, ledger, [fact], meta, now);
        var write = new PendingWrite(ledger.Id, ledger.Version + 1, events, StatusCodes.Status200OK, $"/api/communes/{commune}/programmes/{programme.Id}/financing", Render);
        return await Writes.Commit(http, session, meta, fingerprint, write, now);
    }

    public static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(stream, version, token: ct);
        var ids = eventIds.ToHashSet();
        return new FinancingWriteResult(stream, version, events.Where(e => ids.Contains(e.Id)).Select(EventSummary.From).ToList());
    }

    [WolverinePost("/api/communes/{commune}/programmes/{code}/financing/plans", Name = "PlanFinancing")]
    [EndpointSummary("Record the financing estimated when the programme was prepared, for the projects of a span of years.")]
    public static Task<IResult> Plan(string commune, string code, PlanFinancing command, IDocumentSession session, IClock clock, HttpContext http) =>
        Execute(commune, code, command, command.ExpectedVersion, Decide, session, clock, http);

    [WolverinePost("/api/communes/{commune}/programmes/{code}/financing/funds", Name = "MobiliseFunds")]
    [EndpointSummary("Record funds mobilised from own resources or partnerships, with the finance document's reference.")]
    public static Task<IResult> Funds(string commune, string code, MobiliseFunds command, IDocumentSession session, IClock clock, HttpContext http) =>
        Execute(commune, code, command, command.ExpectedVersion, Decide, session, clock, http);

    [WolverinePost("/api/communes/{commune}/programmes/{code}/financing/agreements", Name = "SignAgreement")]
    [EndpointSummary("Record a partnership agreement: number, kind (cofunded or partner-funded), envelope, partners.")]
    public static Task<IResult> Agreements(string commune, string code, SignAgreement command, IDocumentSession session, IClock clock, HttpContext http) =>
        Execute(commune, code, command, command.ExpectedVersion, Decide, session, clock, http);

    [WolverinePost("/api/communes/{commune}/programmes/{code}/financing/corrections", Name = "RetractFinancingFact")]
    [EndpointSummary("Retract a wrong financing fact, giving the reason; record the right one after it.")]
    public static Task<IResult> Corrections(string commune, string code, RetractFinancingFact command, IDocumentSession session, IClock clock, HttpContext http) =>
        Execute(commune, code, command, command.ExpectedVersion, Decide, session, clock, http);
}

public sealed record FinancingWriteResult(string Stream, long Version, IReadOnlyList<EventSummary> Events);
