using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.Completing;

public sealed record CompleteProject(LocalDate? EffectiveDate, decimal? FinalCost = null, long? ExpectedVersion = null);

public static class CompleteProjectEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(CompleteProject c, ProjectCommandContext context)
    {
        return context.Append(new ProjectCompleted(Require.EffectiveDate(c.EffectiveDate), Require.OptionalAmount(c.FinalCost, "finalCost")));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/completion", Name = "CompleteProject")]
    [EndpointSummary("Record that the project was completed (handed over), with its final cost when known.")]
    [EndpointDescription("Allowed for a launched project; a final cost becomes its real cost. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, CompleteProject command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
