using Marten;

namespace EventLedger.Common;

public static class Health
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDocumentStore store, CancellationToken ct) =>
        {
            try
            {
                await using var session = store.QuerySession();
                await session.QueryAsync<int>("select 1", ct);
                return Results.Json(new { status = "up", database = "up" });
            }
            catch (Exception e)
            {
                return Results.Json(new { status = "down", database = "down", reason = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithName("Health").WithSummary("Answers 200 when the service and its database are up, 503 otherwise.");
}
