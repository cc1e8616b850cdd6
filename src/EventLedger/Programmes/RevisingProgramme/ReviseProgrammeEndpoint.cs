using EventLedger.Common;
using EventLedger.Projects;
using EventLedger.Projects.ProgrammingProject;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;
using Wolverine.Http;

namespace EventLedger.Programmes.RevisingProgramme;

public sealed record RevisedCost(string? Code, decimal? ProgrammedCost);

/// <summary>
/// A revision of the programme (decree 2.16.301 lets the council update it): projects added with all their attributes,
/// projects dropped (only while not launched), programmed costs changed, all effective on one date for one reason.
/// </summary>
public sealed record ReviseProgramme(
    LocalDate? EffectiveDate,
    string? Reason,
    IReadOnlyList<ProgrammeProject>? Added = null,
    IReadOnlyList<string>? Dropped = null,
    IReadOnlyList<RevisedCost>? Revalued = null,
    long? ExpectedVersion = null);

/// <summary>One fact a revision appends to a project's stream; a new stream when <see cref="ExpectedVersion"/> is 0.</summary>
public sealed record RevisionFact(string Stream, long ExpectedVersion, NewFact Fact);

public sealed record RevisionDecision(ProgrammeRevised Revised, IReadOnlyList<RevisionFact> ProjectFacts);

public static class ReviseProgrammeEndpoint
{
    public const int MaxChanges = 2_000;

    /// <summary>
    /// The pure decision. <paramref name="projects"/> holds the programme's projects that the revision names (by code);
    /// every added project is checked as a programming would be, every drop and new cost by the lifecycle rules on the
    /// revision's effective date.
    /// </summary>
    public static RevisionDecision Decide(ReviseProgramme c, Programme programme, IReadOnlyDictionary<ProjectCode, Project> projects,
        Instant now, LocalDate today, Func<Guid> newId)
    {
        var effective = Require.EffectiveDate(c.EffectiveDate);
        var reason = Require.Text(c.Reason, "reason", "why the programme is revised (the council's deliberation, its date and number)", 2000);
        var added = c.Added ?? [];
        var dropped = (c.Dropped ?? []).Select((d, i) => Code(d, $"dropped[{i}]")).ToList();
        var revalued = (c.Revalued ?? []).Select((r, i) => (Code: Code(r.Code, $"revalued[{i}].code"),
            Cost: Require.Amount(r.ProgrammedCost, $"revalued[{i}].programmedCost", "the new programmed cost, in dirhams"))).ToList();
        if (added.Count + dropped.Count + revalued.Count == 0)
            throw Require.Malformed("a revision changes something: give at least one of added, dropped or revalued.");
        if (added.Count + dropped.Count + revalued.Count > MaxChanges)
            throw Require.Malformed($"a revision holds at most {MaxChanges} changes; split this one.");

        var iso = LocalDatePattern.Iso;
        if (effective < programme.AdoptedOn)
            throw Refuse($"the revision's effective date {iso.Format(effective)} is before the programme's adoption on {iso.Format(programme.AdoptedOn)}");
        if (ProjectCommandContext.DateRefusal(programme, today, effective) is { } dateRefusal) throw Refuse(dateRefusal);

        var revision = programme.Revisions + 1;
        var facts = new List<RevisionFact>();
        var named = new HashSet<ProjectCode>();
        var pending = new Dictionary<ProjectCode, Project>();

        for (var i = 0; i < added.Count; i++)
        {
            var item = added[i];
            if (item.Programme is { } other && other != programme.Id)
                throw Require.Malformed($"added[{i}] names the programme {other}; a revision of {programme.Id} adds projects to {programme.Id} only.");
            Project? parent = null;
            if (item.Parent is { } p && ProjectCode.TryParse(p.Trim(), out var parentCode))
                parent = pending.GetValueOrDefault(parentCode) ?? projects.GetValueOrDefault(parentCode);
            var decision = ProgrammeProjectEndpoint.Decide(item with { Programme = programme.Id, EffectiveDate = effective }, programme, parent, today, newId);
            if (decision.IsRefused) throw Refuse($"added[{i}]: {decision.Refusal!.TrimEnd('.')}");
            var fact = (ProjectProgrammed)decision.Facts[0].Fact with { Revision = revision };
            if (!named.Add(fact.Code)) throw Require.Malformed($"added[{i}]: {fact.Code} is named twice in this revision.");
            if (projects.ContainsKey(fact.Code))
                throw new RequestRefused(Problems.Duplicate($"The programme {programme.Id} already has a project {fact.Code}; a revision adds new codes only."));
            pending[fact.Code] = new Project
            {
                Id = Project.StreamKey(programme.Id, fact.Code),
                State = ProjectTimeline.Apply(null, fact)!,
                Timeline = [],
            };
            facts.Add(new RevisionFact(Project.StreamKey(programme.Id, fact.Code), 0, new NewFact(decision.Facts[0].Id, fact)));
        }

        foreach (var (code, field, fact) in dropped.Select((d, i) => (d, $"dropped[{i}]", (IProjectFact)new ProjectDroppedFromProgramme(effective, revision, reason)))
                     .Concat(revalued.Select((r, i) => (r.Code, $"revalued[{i}]", (IProjectFact)new ProjectProgrammedCostRevised(effective, r.Cost, reason)))))
        {
            if (!named.Add(code)) throw Require.Malformed($"{field}: {code} is named twice in this revision.");
            if (!projects.TryGetValue(code, out var project))
                throw Refuse($"{field}: the programme {programme.Id} has no project {code}");
            var entry = new TimelineEntry(newId(), project.Version + 1, now, fact);
            if (ProjectTimeline.Check(project.Timeline, [entry]) is { } refusal) throw Refuse($"{field}: {code}: {refusal}");
            facts.Add(new RevisionFact(project.Id, project.Version, new NewFact(entry.EventId, fact)));
        }

        var revised = new ProgrammeRevised(revision, effective, reason,
            facts.Where(f => f.ExpectedVersion == 0).Select(f => ((ProjectProgrammed)f.Fact.Fact).Code).ToList(),
            dropped, revalued.Select(r => r.Code).ToList());
        return new RevisionDecision(revised, facts);

        static ProjectCode Code(string? text, string field) =>
            ProjectCode.TryParse(text?.Trim(), out var code) ? code : throw Require.Malformed($"{field} '{text}' is not a project code: {ProjectCode.Rule}.");
    }

    /// <summary>Loads what a revision decides from, decides, and stages every append in the session (the caller saves).</summary>
    public static async Task<(IReadOnlyList<IEvent> Events, long ProgrammeVersion)> Stage(IDocumentSession session, ReviseProgramme command,
        Programme programme, RequestMetadata meta, Instant now, LocalDate today, IReadOnlyDictionary<string, object>? headers, CancellationToken ct)
    {
        var codes = (command.Added ?? []).Select(a => a.Code).Concat(command.Added?.Select(a => a.Parent) ?? [])
            .Concat(command.Dropped ?? []).Concat((command.Revalued ?? []).Select(r => r.Code))
            .Select(c => ProjectCode.TryParse(c?.Trim(), out var code) ? Project.StreamKey(programme.Id, code) : null)
            .OfType<string>().Distinct().ToArray();
        var existing = (await session.LoadManyAsync<Project>(ct, codes)).Where(p => p is not null)
            .ToDictionary(p => p.State.Code);

        var decision = Decide(command, programme, existing, now, today, Guid.CreateVersion7);
        var events = new List<IEvent>();
        var revised = Writes.Prepare(session, meta, Guid.CreateVersion7(), decision.Revised, now, headers);
        session.Events.Append(programme.Id, programme.Version + 1, revised);
        events.Add(revised);
        foreach (var f in decision.ProjectFacts)
        {
            var e = Writes.Prepare(session, meta, f.Fact.Id, f.Fact.Fact, now, headers);
            if (f.ExpectedVersion == 0) session.Events.StartStream<Project>(f.Stream, e);
            else session.Events.Append(f.Stream, f.ExpectedVersion + 1, e);
            events.Add(e);
        }
        return (events, programme.Version + 1);
    }

    [WolverinePost("/api/communes/{commune}/programmes/{code}/revisions", Name = "ReviseProgramme")]
    [EndpointSummary("Revise the programme: add projects, drop projects not yet launched, change programmed costs, in one transaction with one reason.")]
    public static async Task<IResult> Post(string commune, string code, ReviseProgramme command, IDocumentSession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meta = RequestMetadata.Read(http);
        var expected = meta.ExpectedVersion(command.ExpectedVersion);
        var fingerprint = Writes.Fingerprint(http, command);
        if (await Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, Render, ct) is { } replay) return replay;

        var programme = await ProgrammeLookup.Resolve(session, code, default, ct);
        if (expected is { } v && v != programme.Version)
            return Problems.StaleVersion($"You read the programme {programme.Id} at version {v}; it is now at version {programme.Version}. Read it again, then decide whether your revision still holds.");

        var now = clock.GetCurrentInstant();
        var (events, version) = await Stage(session, command, programme, meta, now, ProjectWrites.Today(clock), null, ct);
        var write = new PendingWrite(programme.Id, version, events, StatusCodes.Status200OK, $"/api/communes/{commune}/programmes/{programme.Id}", Render);
        return await Writes.Commit(http, session, meta, fingerprint, write, now);
    }

    /// <summary>The answer to a revision: the programme as revised, and the facts appended to its projects' streams.</summary>
    public static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> eventIds, CancellationToken ct)
    {
        var programme = (await session.Events.AggregateStreamAsync<Programme>(stream, version, token: ct))!;
        var ids = eventIds.ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return new RevisionResult(programme, events.Select(e => new RevisionEvent(e.StreamKey!, EventSummary.From(e))).ToList());
    }

    private static RequestRefused Refuse(string detail) => new(Problems.Refused($"{detail.TrimEnd('.')}."));
}

public sealed record RevisionEvent(string Stream, EventSummary Event);

public sealed record RevisionResult(Programme Programme, IReadOnlyList<RevisionEvent> Events);
