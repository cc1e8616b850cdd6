using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.RecordingCost;

public sealed record RecordRealCost(LocalDate? EffectiveDate, decimal? RealCost, string? Reason = null, string? Document = null, long? ExpectedVersion = null);

public static class RecordRealCostEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(RecordRealCost c, ProjectCommandContext context)
    {
        var date = Require.EffectiveDate(c.EffectiveDate);
        var amount = Require.Amount(c.RealCost, "realCost", "the real cost to date, in dirhams");
        var document = Require.OptionalText(c.Document, "document", 100);
        var reason = Require.OptionalText(c.Reason, "reason", 2000);
        return context.Append(reason is null
            ? new ProjectRealCostRecorded(date, amount, document)
            : new ProjectRealCostRevised(date, amount, reason, document));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/costs", Name = "RecordRealCost")]
    [EndpointSummary("Record the real cost of a launched or completed project as known on a date; with a reason, it revises the cost recorded before.")]
    [EndpointDescription("The amount is the project's real cost to date (a level, not an increment), in dirhams with at most two decimals. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, RecordRealCost command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
