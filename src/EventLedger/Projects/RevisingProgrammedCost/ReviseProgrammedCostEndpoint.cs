using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.RevisingProgrammedCost;

public sealed record ReviseProgrammedCost(LocalDate? EffectiveDate, decimal? ProgrammedCost, string? Reason, long? ExpectedVersion = null);

public static class ReviseProgrammedCostEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(ReviseProgrammedCost c, ProjectCommandContext context)
    {
        return context.Append(new ProjectProgrammedCostRevised(Require.EffectiveDate(c.EffectiveDate),
            Require.Amount(c.ProgrammedCost, "programmedCost", "the new programmed amount in dirhams"),
            Require.Text(c.Reason, "reason", "why the programmed amount changes", 2000)));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/programmed-cost", Name = "ReviseProgrammedCost")]
    [EndpointSummary("Revise the amount programmed for the project, with the reason.")]
    [EndpointDescription("Allowed until the project is cancelled or dropped. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, ReviseProgrammedCost command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
