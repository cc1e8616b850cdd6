using EventLedger.Common;
using EventLedger.Programmes;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace EventLedger.Projects;

/// <summary>A fact a handler decided to append, with the headers it carries.</summary>
public sealed record NewFact(Guid Id, IProjectFact Fact, IReadOnlyDictionary<string, object>? Headers = null);

/// <summary>What a handler decided: the facts to append, or why none may be.</summary>
public sealed record Decision(IReadOnlyList<NewFact> Facts, string? Refusal)
{
    public static Decision Refuse(string reason) => new([], reason);
    public bool IsRefused => Refusal is not null;
}

/// <summary>What a project handler decides from: the stream as stored, its programme, and the clock's reading.</summary>
public sealed record ProjectCommandContext(Project Project, Programme Programme, Instant Now, LocalDate Today, Func<Guid> NewEventId)
{
    /// <summary>
    /// The common decision: the facts fall inside the programme and not after today, and the stream stays valid with them
    /// (<see cref="ProjectTimeline.Check"/>).
    /// </summary>
    public Decision Append(params NewFact[] facts)
    {
        foreach (var fact in facts.Select(f => f.Fact))
        {
            var refusal = DateRefusal(Programme, Today, fact.EffectiveDate);
            if (refusal is not null) return Decision.Refuse(refusal);
        }
        var additions = facts.Select((f, i) => new TimelineEntry(f.Id, Project.Version + i + 1, Now, f.Fact)).ToList();
        var check = ProjectTimeline.Check(Project.Timeline, additions);
        return check is null ? new Decision(facts, null) : Decision.Refuse($"{Project.State.Code}: {check}.");
    }

    public Decision Append(IProjectFact fact) => Append(new NewFact(NewEventId(), fact));

    public static string? DateRefusal(Programme programme, LocalDate today, LocalDate effective)
    {
        var iso = LocalDatePattern.Iso;
        if (effective > today)
            return $"the effective date {iso.Format(effective)} is in the future: record a fact once it has happened";
        if (!programme.Covers(effective))
            return $"the effective date {iso.Format(effective)} is outside the programme {programme.Id} ({iso.Format(programme.Opens)} to {iso.Format(programme.Closes)})";
        return null;
    }
}

/// <summary>The one path by which facts reach an existing project's stream from the HTTP API.</summary>
public static class ProjectWrites
{
    public static async Task<IResult> Execute<TCommand>(
        HttpContext http,
        IDocumentSession session,
        IClock clock,
        string code,
        string? programmeCode,
        LocalDate routingDate,
        long? bodyVersion,
        TCommand command,
        Func<TCommand, ProjectCommandContext, Decision> decide) where TCommand : notnull
    {
        var ct = http.RequestAborted;
        var meta = RequestMetadata.Read(http);
        var expected = meta.ExpectedVersion(bodyVersion);
        if (!ProjectCode.TryParse(code, out var projectCode))
            return Problems.Malformed($"'{code}' is not a project code: {ProjectCode.Rule}.");

        var fingerprint = Writes.Fingerprint(http, command);
        if (await Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, Render, ct) is { } replay) return replay;

        var programme = await ProgrammeLookup.Resolve(session, programmeCode, routingDate, ct);
        var key = Project.StreamKey(programme.Id, projectCode);
        var project = await session.LoadAsync<Project>(key, ct);
        if (project is null)
            return Problems.NotFound($"The programme {programme.Id} of this commune has no project {projectCode}.");
        if (expected is { } v && v != project.Version)
            return Problems.StaleVersion($"You read {projectCode} at version {v}; it is now at version {project.Version}. Read it again, then decide whether your command still holds.");

        var now = clock.GetCurrentInstant();
        var decision = decide(command, new ProjectCommandContext(project, programme, now, Today(clock), Guid.CreateVersion7));
        if (decision.IsRefused) return Problems.Refused(decision.Refusal!);

        var events = decision.Facts.Select(f => Writes.Prepare(session, meta, f.Id, f.Fact, now, f.Headers)).ToArray();
        session.Events.Append(key, project.Version + events.Length, events);
        var write = new PendingWrite(key, project.Version + events.Length, events, StatusCodes.Status200OK, null, Render);
        return await Writes.Commit(http, session, meta, fingerprint, write, now);
    }

    /// <summary>The answer to a project write: the events it appended and the project's state once they were.</summary>
    public static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(stream, version, token: ct);
        var state = ProjectTimeline.StateAt(events.Select(TimelineEntry.From))!;
        var ids = eventIds.ToHashSet();
        return new ProjectWriteResult(stream, state.Programme, state.Code, version,
            events.Where(e => ids.Contains(e.Id)).Select(EventSummary.From).ToList(), state);
    }

    public static LocalDate Today(IClock clock) => clock.GetCurrentInstant().InUtc().Date;
}

public sealed record EventSummary(Guid Id, string Type, long Version, long Sequence, Instant RecordedAt)
{
    public static EventSummary From(IEvent e) =>
        new(e.Id, e.EventTypeName, e.Version, e.Sequence, RecordedTimes.RecordedAt(e));
}

public sealed record ProjectWriteResult(string Stream, string Programme, ProjectCode Code, long Version, IReadOnlyList<EventSummary> Events, ProjectState State);
