using System.Text.Json;
using System.Text.Json.Nodes;
using EventLedger.Common;
using EventLedger.Financing;
using EventLedger.Projects;
using EventLedger.Reviews;
using EventLedger.Reviews.Publishing;
using EventLedger.Reviews.Reading;
using EventLedger.Reviews.Reconciling;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Audit.Changes;

/// <summary>A figure whose value differs between two knowledge times, and the facts recorded between them that made it.</summary>
public sealed record FigureChange(
    string Figure,
    string Metric,
    int? Orientation,
    string? Nature,
    string Unit,
    decimal? Before,
    decimal? After,
    decimal? PresentedBefore,
    decimal? PresentedAfter,
    int EventCount,
    IReadOnlyList<AuditEvent> Events);

public sealed record ReviewChanges(string Commune, string Programme, int Year, Instant From, long? FromSequence, Instant To,
    int EventsBetween, IReadOnlyList<FigureChange> Figures);

public sealed record AttributeChange(string Attribute, JsonNode? Before, JsonNode? After);

public sealed record ProjectChanges(string Stream, LocalDate? AsOf, Instant From, long? FromSequence, Instant To,
    ProjectState? Before, ProjectState? After, IReadOnlyList<AttributeChange> Attributes, IReadOnlyList<AuditEvent> Events);

public static class ChangesEndpoints
{
    public const int MaxEventsPerFigure = 50;

    [WolverineGet("/api/communes/{commune}/reviews/{year}/changes", Name = "ReviewChanges")]
    [EndpointSummary("Every figure of the review whose value differs between two knowledge times (from: default the publication's cut; to: default now), with both values and the facts recorded in between that made the difference: project, type, effective date, recorded time, actor, reason.")]
    public static async Task<IResult> Review(string commune, int year, string? from, string? to, string? programme, IQuerySession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var target = await ReviewEndpoints.Programme(session, programme, year, ct);
        var (start, startSequence, end) = await Window(session, target.Id, year, from, to, clock, ct);

        var input = await ReviewSources.RawInput(session, commune, target.Id, year, end, null, ct);
        var beforeInput = input with { KnownAt = start, ThroughSequence = startSequence };
        var before = ReviewCalculator.Compute(beforeInput);
        var after = ReviewCalculator.Compute(input);
        var statesBefore = ReviewCalculator.States(beforeInput);
        var statesAfter = ReviewCalculator.States(input);
        var between = (await Between(session, start, startSequence, end, ct)).ToList();

        var beforeFigures = before.Figures().ToDictionary(f => f.Key);
        var changes = new List<FigureChange>();
        foreach (var now in after.Figures())
        {
            var then = beforeFigures.GetValueOrDefault(now.Key);
            if (then?.Value == now.Value) continue;
            var bearing = Bearing(now.Metric, now.Orientation, now.Nature, target, statesBefore, statesAfter);
            var events = between.Where(e => bearing(e)).ToList();
            changes.Add(new FigureChange(now.Key, now.Metric, now.Orientation, now.Nature, now.Unit, then?.Value, now.Value, then?.Presented, now.Presented,
                events.Count, events.Take(MaxEventsPerFigure).ToList()));
        }
        return Results.Json(new ReviewChanges(commune, target.Id, year, start, startSequence, end, between.Count, changes), JsonDefaults.Options);
    }

    [WolverineGet("/api/communes/{commune}/projects/{code}/changes", Name = "ProjectChanges")]
    [EndpointSummary("What changed in what the ledger says of one project between two knowledge times (from: default the last publication's cut; to: default now), on effective date asOf (default: no limit), and the facts recorded in between.")]
    public static async Task<IResult> Project(string commune, string code, string? from, string? to, string? asOf, string? programme,
        IQuerySession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        if (!ProjectCode.TryParse(code, out var projectCode)) return Problems.Malformed($"'{code}' is not a project code: {ProjectCode.Rule}.");
        var date = QueryValues.Date(asOf, "asOf");
        var target = await Programmes.ProgrammeLookup.Resolve(session, programme, date ?? ProjectWrites.Today(clock), ct);
        var key = Projects.Project.StreamKey(target.Id, projectCode);
        var project = await session.LoadAsync<Project>(key, ct);
        if (project is null) return Problems.NotFound($"The programme {target.Id} of this commune has no project {projectCode}.");

        var latest = (await session.Query<ReviewRecord>().ToListAsync(ct))
            .Where(r => r.Id.StartsWith(target.Id + "/", StringComparison.Ordinal) && r.Publication is not null)
            .MaxBy(r => r.Publication!.ThroughSequence)?.Publication;
        var (start, startSequence, end) = Window(QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to"), latest, clock);

        var before = ProjectTimeline.StateAt(project.Timeline, date, start, startSequence);
        var after = ProjectTimeline.StateAt(project.Timeline, date, end);
        var events = (await session.Events.FetchStreamAsync(key, token: ct))
            .Where(e => IsBetween(RecordedTimes.RecordedAt(e), e.Sequence, start, startSequence, end))
            .Select(AuditEvent.From).ToList();
        return Results.Json(new ProjectChanges(key, date, start, startSequence, end, before, after, Attributes(before, after), events), JsonDefaults.Options);
    }

    private static async Task<(Instant From, long? FromSequence, Instant To)> Window(IQuerySession session, string programme, int year, string? from, string? to,
        IClock clock, CancellationToken ct)
    {
        var start = QueryValues.Instant(from, "from");
        var publication = start is null ? (await session.LoadAsync<ReviewRecord>(ReviewRecord.StreamKey(programme, year), ct))?.Publication : null;
        if (start is null && publication is null)
            throw Require.Malformed($"from is required: the review of {year} is not published, so there is no publication's cut to start from.");
        return Window(start, QueryValues.Instant(to, "to"), publication, clock);
    }

    private static (Instant From, long? FromSequence, Instant To) Window(Instant? from, Instant? to, ReviewPublished? publication, IClock clock)
    {
        if (from is null && publication is null)
            throw Require.Malformed("from is required: no review of this programme is published, so there is no publication's cut to start from.");
        var start = from ?? publication!.KnownAt;
        long? sequence = from is null ? publication!.ThroughSequence : null;
        var end = to ?? clock.GetCurrentInstant();
        if (end < start) throw Require.Malformed($"to ({end}) is before from ({start}).");
        return (start, sequence, end);
    }

    /// <summary>Recorded after the start (or past its sequence, for a publication's cut) and at or before the end.</summary>
    private static bool IsBetween(Instant recorded, long sequence, Instant start, long? startSequence, Instant end) =>
        recorded <= end && (recorded > start || startSequence is { } s && sequence > s);

    private static async Task<IEnumerable<AuditEvent>> Between(IQuerySession session, Instant start, long? startSequence, Instant end, CancellationToken ct)
    {
        var low = start.ToDateTimeOffset();
        var high = end.ToDateTimeOffset();
        var query = session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= high);
        var events = startSequence is { } s
            ? await query.Where(e => e.Timestamp > low || e.Sequence > s).OrderBy(e => e.Sequence).ToListAsync(ct)
            : await query.Where(e => e.Timestamp > low).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.Where(e => e.Data is IProjectFact or IFinancingFact).Select(AuditEvent.From);
    }

    /// <summary>
    /// Which facts recorded in the window bear on a figure: those of a project it counts (before or after), or the
    /// financing facts for a financing figure. The projects are found once per figure.
    /// </summary>
    private static Func<AuditEvent, bool> Bearing(string metric, int? orientation, string? nature, Programmes.Programme programme,
        IReadOnlyList<ProjectState> before, IReadOnlyList<ProjectState> after)
    {
        if (metric.StartsWith("financing.", StringComparison.Ordinal) || metric.StartsWith("partnerships.", StringComparison.Ordinal))
        {
            var financing = FinancingLedger.StreamKey(programme.Id);
            return e => e.Stream == financing;
        }
        var metrics = MetricDefinitions.Ratios.Where(r => r.Percent == metric).SelectMany(r => new[] { r.Numerator, r.Denominator }).DefaultIfEmpty(metric)
            .Select(m => m.StartsWith("project.", StringComparison.Ordinal) || m.StartsWith("topInPreparation.", StringComparison.Ordinal) ? "inPreparation.count" : m);
        var projects = metrics
            .SelectMany(m => ReviewCalculator.Contributors(before, m, programme, orientation, nature).Concat(ReviewCalculator.Contributors(after, m, programme, orientation, nature)))
            .Select(c => c.Project.Code.Value)
            .ToHashSet();
        return e => e.Project is not null && projects.Contains(e.Project);
    }

    private static IReadOnlyList<AttributeChange> Attributes(ProjectState? before, ProjectState? after)
    {
        var a = before is null ? new JsonObject() : JsonSerializer.SerializeToNode(before, JsonDefaults.Options)!.AsObject();
        var b = after is null ? new JsonObject() : JsonSerializer.SerializeToNode(after, JsonDefaults.Options)!.AsObject();
        return a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(a[k], b[k]))
            .Select(k => new AttributeChange(k, a[k]?.DeepClone(), b[k]?.DeepClone()))
            .ToList();
    }
}
