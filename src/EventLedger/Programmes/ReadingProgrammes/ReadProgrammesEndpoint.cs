using EventLedger.Common;
using Marten;
using Wolverine.Http;

namespace EventLedger.Programmes.ReadingProgrammes;

public static class ReadProgrammesEndpoint
{
    [WolverineGet("/api/communes/{commune}/programmes", Name = "ListProgrammes")]
    [EndpointSummary("List the commune's programmes.")]
    public static async Task<IReadOnlyList<Programme>> List(string commune, IQuerySession session, HttpContext http) =>
        await session.Query<Programme>().OrderBy(p => p.Id).ToListAsync(http.RequestAborted);

    [WolverineGet("/api/communes/{commune}/programmes/{programme}", Name = "GetProgramme")]
    [EndpointSummary("Read one programme as adopted and revised.")]
    public static async Task<IResult> Get(string commune, string programme, IQuerySession session, HttpContext http)
    {
        var found = await session.LoadAsync<Programme>(programme, http.RequestAborted);
        if (found is null) return Problems.NotFound($"The commune {commune} has no programme '{programme}'.");
        http.Response.Headers.ETag = $"\"{found.Version}\"";
        return Results.Json(found, JsonDefaults.Options);
    }
}
