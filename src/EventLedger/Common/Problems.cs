using Microsoft.AspNetCore.Mvc;

namespace EventLedger.Common;

/// <summary>RFC 9457 problem details with a message a person can act on; every refusal of the API goes through here.</summary>
public static class Problems
{
    public static IResult Malformed(string detail, IDictionary<string, string[]>? errors = null) =>
        Result(StatusCodes.Status400BadRequest, "malformed-request", "The request is malformed", detail, errors);

    public static IResult NotFound(string detail) =>
        Result(StatusCodes.Status404NotFound, "not-found", "Not found", detail);

    public static IResult StaleVersion(string detail) =>
        Result(StatusCodes.Status409Conflict, "stale-version", "The stream has moved on since you read it", detail);

    public static IResult Duplicate(string detail) =>
        Result(StatusCodes.Status409Conflict, "duplicate", "It already exists", detail);

    public static IResult Refused(string detail) =>
        Result(StatusCodes.Status422UnprocessableEntity, "rule-refused", "The ledger's rules refuse this fact", detail);

    public static IResult IdempotencyKeyReused(string detail) =>
        Result(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "This Idempotency-Key was used for another request", detail);

    public static IResult CatchingUp(string detail) =>
        Result(StatusCodes.Status503ServiceUnavailable, "catching-up", "The read models are catching up", detail);

    public static ProblemDetails Details(int status, string slug, string title, string detail) => new()
    {
        Status = status,
        Type = $"/problems/{slug}",
        Title = title,
        Detail = detail,
    };

    private static IResult Result(int status, string slug, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? Details(status, slug, title, detail) : new HttpValidationProblemDetails(errors)
        {
            Status = status, Type = $"/problems/{slug}", Title = title, Detail = detail,
        };
        return Results.Problem(problem);
    }
}

/// <summary>A request's refusal, carried out of a validation step.</summary>
public sealed class RequestRefused(IResult problem) : Exception("The request was refused.")
{
    public IResult Problem { get; } = problem;

    /// <summary>The problem's detail, for a command line that prints it.</summary>
    public string Detail => (Problem as Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)?.ProblemDetails.Detail ?? Message;
}
