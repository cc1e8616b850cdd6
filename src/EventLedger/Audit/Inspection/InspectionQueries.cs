using EventLedger.Common;
using EventLedger.Projects;
using EventLedger.Reviews.Publishing;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace EventLedger.Audit.Inspection;

/// <summary>The filters of every inspection query; each query reads those it needs.</summary>
public sealed record InspectionFilter(
    string? Actor = null,
    string? Type = null,
    string? Project = null,
    Instant? From = null,
    Instant? To = null,
    int? Days = null,
    int? Year = null,
    decimal? Percent = null,
    int? Months = null,
    LocalDate? AsOf = null,
    Instant? KnownAt = null,
    string? Programme = null);

public sealed record LateRecord(AuditEvent Event, int DaysLate);

public sealed record RetroactiveChange(AuditEvent Event, int Year, Instant PublishedAt, long PublishedThroughSequence, LocalDate AffectsDate);

public sealed record CostOverrun(string Project, string Title, string Status, Money ProgrammedCost, Money RealCost, decimal OverrunPercent, bool Reconstructed);

public sealed record StalledProject(string Project, string Title, LocalDate LaunchedOn, LocalDate LastActivityOn, int MonthsWithoutFact, bool Reconstructed);

public sealed record Retraction(AuditEvent Event, string RetractedType, Guid RetractedEventId, bool Superseded, bool Regression, string? StatusBefore, string? StatusAfter);

/// <summary>
/// The questions inspectors ask of a commune's ledger. Each reads the commune's raw events or its projects, never
/// another commune's, and answers a page at a time.
/// </summary>
public static class InspectionQueries
{
    public const string Events = "events";
    public const string LateRecords = "late-records";
    public const string Retroactive = "retroactive-changes";
    public const string CostOverruns = "cost-overruns";
    public const string Stalled = "stalled-projects";
    public const string Retractions = "retractions";
    public static readonly string[] All = [Events, LateRecords, Retroactive, CostOverruns, Stalled, Retractions];

    /// <summary>Events by actor, type, project and recorded-time range, in sequence order.</summary>
    public static async Task<InspectionPage<AuditEvent>> FindEvents(IQuerySession session, InspectionFilter f, int page, int size, CancellationToken ct)
    {
        var query = session.Events.QueryAllRawEvents().AsQueryable();
        if (f.Actor is { } actor) query = query.Where(e => e.UserName == actor);
        if (f.Type is { } type) query = query.Where(e => e.EventTypeName == type);
        if (f.Project is { } project) query = query.Where(e => e.StreamKey!.EndsWith(":" + project));
        if (f.From is { } from) { var t = from.ToDateTimeOffset(); query = query.Where(e => e.Timestamp >= t); }
        if (f.To is { } to) { var t = to.ToDateTimeOffset(); query = query.Where(e => e.Timestamp <= t); }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(e => e.Sequence).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new InspectionPage<AuditEvent>(page, size, total, items.Select(AuditEvent.From).ToList());
    }

    /// <summary>Facts recorded more than <c>days</c> days after their effective date.</summary>
    public static async Task<InspectionPage<LateRecord>> FindLateRecords(IQuerySession session, InspectionFilter f, int page, int size, CancellationToken ct)
    {
        var days = f.Days ?? throw Require.Malformed("days is required: how many days after its effective date a fact counts as recorded late.");
        if (days < 0) throw Require.Malformed("days cannot be negative.");
        var late = (await AllEvents(session, ct)).Select(AuditEvent.From)
            .Where(e => e.EffectiveDate is not null && Matches(e, f))
            .Select(e => new LateRecord(e, Period.Between(e.EffectiveDate!.Value, e.RecordedAt.InUtc().Date, PeriodUnits.Days).Days))
            .Where(r => r.DaysLate > days)
            .ToList();
        return Paging.Of(late, page, size);
    }

    /// <summary>
    /// Facts recorded after a review's publication that bear on the published period: effective on or before its
    /// 31 December, or retracting a fact that was.
    /// </summary>
    public static async Task<InspectionPage<RetroactiveChange>> FindRetroactive(IQuerySession session, InspectionFilter f, int page, int size, CancellationToken ct)
    {
        var year = f.Year ?? throw Require.Malformed("year is required: the published review whose period later facts reach into.");
        var programme = await Reviews.Reading.ReviewEndpoints.Programme(session, f.Programme, year, ct);
        var publication = await PublishingEndpoints.Published(session, programme.Id, year, ct);
        var events = await AllEvents(session, ct);
        var byId = events.ToDictionary(e => e.Id);
        var changes = events
            .Where(e => e.Sequence > publication.ThroughSequence && e.Data is IProjectFact && e.StreamKey!.StartsWith(programme.Id + ":", StringComparison.Ordinal))
            .Select(e =>
            {
                var affects = e.Data is FactRetracted r && byId.TryGetValue(r.RetractedEventId, out var target)
                    ? ((IProjectFact)target.Data).EffectiveDate
                    : ((IProjectFact)e.Data).EffectiveDate;
                return new RetroactiveChange(AuditEvent.From(e), year, publication.KnownAt, publication.ThroughSequence, affects);
            })
            .Where(c => c.AffectsDate <= publication.AsOf && Matches(c.Event, f))
            .ToList();
        return Paging.Of(changes, page, size);
    }

    /// <summary>Projects whose real cost exceeds their programmed cost by more than <c>percent</c> %, at (asOf, knownAt).</summary>
    public static async Task<InspectionPage<CostOverrun>> FindCostOverruns(IQuerySession session, InspectionFilter f, int page, int size, CancellationToken ct)
    {
        var percent = f.Percent ?? 0m;
        if (percent < 0) throw Require.Malformed("percent cannot be negative.");
        var overruns = (await States(session, f, ct))
            .Where(s => s.RealCost is { } real && s.ProgrammedCost.Dirhams > 0 && real.Dirhams > s.ProgrammedCost.Dirhams * (1 + percent / 100m))
            .Select(s => new CostOverrun(s.Code.Value, s.Title.Fr, ProjectStatusNames.Of(s.Status), s.ProgrammedCost, s.RealCost!.Value,
                decimal.Round((s.RealCost!.Value.Dirhams / s.ProgrammedCost.Dirhams - 1) * 100m, 2, MidpointRounding.AwayFromZero), s.Reconstructed))
            .OrderByDescending(o => o.OverrunPercent).ThenBy(o => o.Project, StringComparer.Ordinal)
            .ToList();
        return Paging.Of(overruns, page, size);
    }

    /// <summary>Projects launched by <c>asOf</c> (default today) with no fact, effective or recorded, in the <c>months</c> months before it.</summary>
    public static async Task<InspectionPage<StalledProject>> FindStalled(IQuerySession session, InspectionFilter f, LocalDate today, int page, int size, CancellationToken ct)
    {
        var months = f.Months ?? throw Require.Malformed("months is required: how long a launched project may go without a new fact.");
        if (months < 1) throw Require.Malformed("months is at least 1.");
        var asOf = f.AsOf ?? today;
        var since = asOf.PlusMonths(-months);
        var stalled = new List<StalledProject>();
        foreach (var project in await session.Query<Project>().ToListAsync(ct))
        {
            var known = ProjectTimeline.Known(project.Timeline, f.KnownAt).Where(e => e.Fact.EffectiveDate <= asOf && e.RecordedAt.InUtc().Date <= asOf).ToList();
            var state = ProjectTimeline.StateAt(known, asOf);
            if (state is not { Status: ProjectStatus.Launched } || f.Project is { } p && p != state.Code.Value) continue;
            // a correction is a new fact too: the retractions count as activity
            var last = project.Timeline.Where(e => (f.KnownAt is null || e.RecordedAt <= f.KnownAt) && e.Fact.EffectiveDate <= asOf && e.RecordedAt.InUtc().Date <= asOf)
                .Select(e => LocalDate.Max(e.Fact.EffectiveDate, e.RecordedAt.InUtc().Date)).Max();
            if (last >= since) continue;
            stalled.Add(new StalledProject(state.Code.Value, state.Title.Fr, state.LaunchedOn!.Value, last,
                Period.Between(last, asOf, PeriodUnits.Months).Months, state.Reconstructed));
        }
        return Paging.Of(stalled.OrderBy(s => s.LastActivityOn).ThenBy(s => s.Project, StringComparer.Ordinal).ToList(), page, size);
    }

    /// <summary>Every retraction, with its reason; a regression when it moved the project back in its lifecycle.</summary>
    public static async Task<InspectionPage<Retraction>> FindRetractions(IQuerySession session, InspectionFilter f, int page, int size, CancellationToken ct)
    {
        var projects = (await session.Query<Project>().ToListAsync(ct)).ToDictionary(p => p.Id);
        var rows = new List<Retraction>();
        foreach (var e in (await AllEvents(session, ct)).Where(e => e.Data is FactRetracted))
        {
            var audit = AuditEvent.From(e);
            if (!Matches(audit, f)) continue;
            var r = (FactRetracted)e.Data;
            string? before = null, after = null;
            var regression = false;
            if (projects.TryGetValue(e.StreamKey!, out var project))
            {
                var was = ProjectTimeline.StateAt(project.Timeline.Where(x => x.Version < e.Version));
                var became = ProjectTimeline.StateAt(project.Timeline.Where(x => x.Version <= e.Version));
                before = was is null ? null : ProjectStatusNames.Of(was.Status);
                after = became is null ? null : ProjectStatusNames.Of(became.Status);
                regression = was is not null && became is not null && Rank(became.Status) < Rank(was.Status);
            }
            rows.Add(new Retraction(audit, r.RetractedEventType, r.RetractedEventId, r.Superseded, regression, before, after));
        }
        return Paging.Of(rows, page, size);
    }

    private static int Rank(ProjectStatus status) => status switch
    {
        ProjectStatus.Programmed => 0,
        ProjectStatus.InPreparation => 1,
        ProjectStatus.Launched => 2,
        ProjectStatus.Completed => 3,
        _ => -1,
    };

    private static bool Matches(AuditEvent e, InspectionFilter f) =>
        (f.Actor is null || e.Actor == f.Actor) && (f.Type is null || e.Type == f.Type) && (f.Project is null || e.Project == f.Project)
        && (f.From is null || e.RecordedAt >= f.From) && (f.To is null || e.RecordedAt <= f.To);

    private static async Task<IReadOnlyList<IEvent>> AllEvents(IQuerySession session, CancellationToken ct) =>
        await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(ct);

    private static async Task<IEnumerable<ProjectState>> States(IQuerySession session, InspectionFilter f, CancellationToken ct)
    {
        var projects = await session.Query<Project>().ToListAsync(ct);
        return projects
            .Select(p => f.AsOf is null && f.KnownAt is null ? p.State : ProjectTimeline.StateAt(p.Timeline, f.AsOf, f.KnownAt))
            .OfType<ProjectState>()
            .Where(s => f.Project is null || s.Code.Value == f.Project);
    }
}
