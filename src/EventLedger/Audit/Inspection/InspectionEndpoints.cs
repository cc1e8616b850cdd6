using EventLedger.Common;
using EventLedger.Projects;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Audit.Inspection;

/// <summary>The inspection queries over HTTP: JSON pages, or CSV with <c>format=csv</c>.</summary>
public static class InspectionEndpoints
{
    public static InspectionFilter Filter(string? actor, string? type, string? project, string? from, string? to, int? days, int? year,
        decimal? percent, int? months, string? asOf, string? knownAt, string? programme) =>
        new(Blank(actor), Blank(type), Blank(project), QueryValues.Instant(from, "from"), QueryValues.Instant(to, "to"), days, year, percent, months,
            QueryValues.Date(asOf, "asOf"), QueryValues.Instant(knownAt, "knownAt"), Blank(programme));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Runs one query by name: what the endpoints and the inspect command share.</summary>
    public static async Task<(object Page, Func<string> Csv)> Run(string query, IQuerySession session, InspectionFilter filter, LocalDate today,
        int? page, int? pageSize, CancellationToken ct, int maxPageSize = 1000)
    {
        var (number, size) = Paging.Read(page, pageSize, maxPageSize);
        switch (query)
        {
            case InspectionQueries.Events: { var p = await InspectionQueries.FindEvents(session, filter, number, size, ct); return (p, () => InspectionCsv.Write(p.Items)); }
            case InspectionQueries.LateRecords: { var p = await InspectionQueries.FindLateRecords(session, filter, number, size, ct); return (p, () => InspectionCsv.Write(p.Items)); }
            case InspectionQueries.Retroactive: { var p = await InspectionQueries.FindRetroactive(session, filter, number, size, ct); return (p, () => InspectionCsv.Write(p.Items)); }
            case InspectionQueries.CostOverruns: { var p = await InspectionQueries.FindCostOverruns(session, filter, number, size, ct); return (p, () => InspectionCsv.Write(p.Items)); }
            case InspectionQueries.Stalled: { var p = await InspectionQueries.FindStalled(session, filter, today, number, size, ct); return (p, () => InspectionCsv.Write(p.Items)); }
            case InspectionQueries.Retractions: { var p = await InspectionQueries.FindRetractions(session, filter, number, size, ct); return (p, () => InspectionCsv.Write(p.Items)); }
            default: throw new RequestRefused(Problems.NotFound($"There is no inspection query '{query}'; the queries are {string.Join(", ", InspectionQueries.All)}."));
        }
    }

    [WolverineGet("/api/communes/{commune}/inspection/{query}", Name = "Inspect")]
    [EndpointSummary("Inspection queries: events (actor, type, project, from, to), late-records (days), retroactive-changes (year), cost-overruns (percent, asOf, knownAt), stalled-projects (months, asOf), retractions; page and pageSize; format=csv for CSV.")]
    public static async Task<IResult> Get(string commune, string query, string? actor, string? type, string? project, string? from, string? to,
        int? days, int? year, decimal? percent, int? months, string? asOf, string? knownAt, string? programme, int? page, int? pageSize, string? format,
        IQuerySession session, IClock clock, HttpContext http)
    {
        var filter = Filter(actor, type, project, from, to, days, year, percent, months, asOf, knownAt, programme);
        var (result, csv) = await Run(query, session, filter, ProjectWrites.Today(clock), page, pageSize, http.RequestAborted);
        return format switch
        {
            null or "" or "json" => Results.Json(result, JsonDefaults.Options),
            "csv" => Results.Text(csv(), "text/csv; charset=utf-8"),
            _ => Problems.Malformed($"format is json or csv; '{format}' is neither."),
        };
    }
}
