using EventLedger.Common;
using EventLedger.Programmes;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.ImportingHistory;

public static class ImportHistoryEndpoint
{
    [WolverinePost("/api/communes/{commune}/imports", Name = "ImportHistory")]
    [EndpointSummary("Import projects' past facts from an earlier system, each with the time it was originally recorded; all or nothing.")]
    [EndpointDescription("The state at (D, T) uses the original recorded times; the import time is kept beside each fact (importedAt).")]
    public static async Task<IResult> Post(string commune, ImportHistory command, string? programme, IDocumentSession session, IClock clock, HttpContext http)
    {
        var meta = RequestMetadata.Read(http);
        var now = clock.GetCurrentInstant();
        var target = await ProgrammeLookup.Resolve(session, command.Programme ?? programme, now.InUtc().Date, http.RequestAborted);
        var (result, events) = await HistoryImport.Append(session, command, target, meta, now, http.RequestAborted);
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (Writes.IsLostRace(e))
        {
            return Problems.Duplicate("Another write created one of these projects while the import was being checked; nothing was imported.");
        }
        return Results.Json(result with
        {
            FirstSequence = events.Count > 0 ? events.Min(e => e.Sequence) : null,
            LastSequence = events.Count > 0 ? events.Max(e => e.Sequence) : null,
        }, JsonDefaults.Options, statusCode: StatusCodes.Status201Created);
    }
}
