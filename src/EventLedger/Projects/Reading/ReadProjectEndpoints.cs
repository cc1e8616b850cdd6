using EventLedger.Common;
using EventLedger.Programmes;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;
using Wolverine.Http;

namespace EventLedger.Projects.Reading;

public sealed record ProjectView(string Stream, long Version, LocalDate? AsOf, Instant? KnownAt, ProjectState State);

public sealed record HistoryEntry(
    Guid Id,
    string Type,
    object Data,
    LocalDate EffectiveDate,
    Instant RecordedAt,
    Instant? ImportedAt,
    long Sequence,
    long Version,
    string? Actor,
    string? CorrelationId,
    string? CausationId,
    IReadOnlyDictionary<string, object>? Headers);

public sealed record ProjectHistory(string Stream, long Version, IReadOnlyList<HistoryEntry> Events);

public sealed record ProjectSummary(string Stream, long Version, ProjectState State);

public sealed record ProjectPage(int Page, int PageSize, int Total, IReadOnlyList<ProjectSummary> Items);

public static class ReadProjectEndpoints
{
    [WolverineGet("/api/communes/{commune}/projects/{code}", Name = "GetProject")]
    [EndpointSummary("A project's state: now, or on effective date asOf as known at knownAt (the state at (D, T), honouring retractions).")]
    public static async Task<IResult> Get(string commune, string code, string? programme, string? asOf, string? knownAt,
        IQuerySession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var date = QueryValues.Date(asOf, "asOf");
        var time = QueryValues.Instant(knownAt, "knownAt");
        var (key, project) = await Find(session, code, programme, date ?? ProjectWrites.Today(clock), ct);
        http.Response.Headers.ETag = $"\"{project.Version}\"";
        if (date is null && time is null) return Results.Json(new ProjectView(key, project.Version, null, null, project.State), JsonDefaults.Options);

        // the raw events, not the projection: recorded times and retractions decide what was known at T
        var events = await session.Events.FetchStreamAsync(key, token: ct);
        var state = ProjectTimeline.StateAt(events.Select(TimelineEntry.From), date, time);
        if (state is null)
            return Problems.NotFound($"{code} was not programmed on {Describe(date, time)}.");
        return Results.Json(new ProjectView(key, project.Version, date, time, state), JsonDefaults.Options);
    }

    [WolverineGet("/api/communes/{commune}/projects/{code}/history", Name = "GetProjectHistory")]
    [EndpointSummary("Every fact of a project's stream, in the order recorded, with its three times, actor and correlation id.")]
    public static async Task<IResult> History(string commune, string code, string? programme, IQuerySession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var (key, project) = await Find(session, code, programme, ProjectWrites.Today(clock), ct);
        var events = await session.Events.FetchStreamAsync(key, token: ct);
        http.Response.Headers.ETag = $"\"{project.Version}\"";
        return Results.Json(new ProjectHistory(key, project.Version, events.Select(ToHistory).ToList()), JsonDefaults.Options);
    }

    [WolverineGet("/api/communes/{commune}/projects", Name = "ListProjects")]
    [EndpointSummary("The programme's projects as known now, filtered by orientation, nature, status and district, a page at a time.")]
    public static async Task<IResult> List(string commune, string? programme, string? orientation, string? nature, string? status,
        string? district, int? page, int? pageSize, IQuerySession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var size = pageSize ?? 100;
        var number = page ?? 1;
        if (size is < 1 or > 500) return Problems.Malformed($"pageSize must be between 1 and 500; {size} is not.");
        if (number < 1) return Problems.Malformed($"page starts at 1; {number} is not a page.");
        ProjectStatus? wanted = null;
        if (status is not null)
        {
            if (!ProjectStatusNames.TryParse(status, out var parsed))
                return Problems.Malformed($"status '{status}' is not one of: {ProjectStatusNames.All}.");
            wanted = parsed;
        }

        var target = await ProgrammeLookup.Resolve(session, programme, ProjectWrites.Today(clock), ct);
        var query = session.Query<Project>().Where(p => p.State.Programme == target.Id);
        if (orientation is not null) query = query.Where(p => p.State.Orientation == orientation);
        if (nature is not null) query = query.Where(p => p.State.Nature == nature);
        if (district is not null) query = query.Where(p => p.State.District == district);
        if (wanted is { } s) query = query.Where(p => p.State.Status == s);

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Results.Json(new ProjectPage(number, size, total,
            items.Select(p => new ProjectSummary(p.Id, p.Version, p.State)).ToList()), JsonDefaults.Options);
    }

    private static async Task<(string Key, Project Project)> Find(IQuerySession session, string code, string? programme, LocalDate date, CancellationToken ct)
    {
        if (!ProjectCode.TryParse(code, out var projectCode))
            throw Require.Malformed($"'{code}' is not a project code: {ProjectCode.Rule}.");
        var target = await ProgrammeLookup.Resolve(session, programme, date, ct);
        var key = Project.StreamKey(target.Id, projectCode);
        var project = await session.LoadAsync<Project>(key, ct)
            ?? throw new RequestRefused(Problems.NotFound($"The programme {target.Id} of this commune has no project {projectCode}."));
        return (key, project);
    }

    private static HistoryEntry ToHistory(IEvent e) => new(
        e.Id, e.EventTypeName, e.Data, ((IProjectFact)e.Data).EffectiveDate, RecordedTimes.RecordedAt(e), RecordedTimes.ImportedAt(e),
        e.Sequence, e.Version, e.UserName, e.CorrelationId, e.CausationId, e.Headers);

    private static string Describe(LocalDate? date, Instant? time) =>
        (date is { } d ? LocalDatePattern.Iso.Format(d) : "any date") + (time is { } t ? $" as known at {InstantPattern.ExtendedIso.Format(t)}" : "");
}
