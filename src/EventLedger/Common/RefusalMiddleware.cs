using System.Text.Json;

namespace EventLedger.Common;

/// <summary>Turns a refusal raised while reading or checking a request into its ProblemDetails answer.</summary>
public sealed class RefusalMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (RequestRefused refused) when (!http.Response.HasStarted)
        {
            await refused.Problem.ExecuteAsync(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && IsUnreadableBody(e))
        {
            await Problems.Malformed($"The request body is not valid JSON for this command: {Innermost(e).Message}").ExecuteAsync(http);
        }
    }

    private static bool IsUnreadableBody(Exception e) =>
        e is JsonException or BadHttpRequestException || e.InnerException is { } inner && IsUnreadableBody(inner);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
