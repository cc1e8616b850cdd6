using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.StartingPreparation;

public sealed record StartPreparation(LocalDate? EffectiveDate, decimal? EstimatedCost, long? ExpectedVersion = null);

public static class StartPreparationEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(StartPreparation c, ProjectCommandContext context)
    {
        return context.Append(new ProjectPreparationStarted(Require.EffectiveDate(c.EffectiveDate),
            Require.Amount(c.EstimatedCost, "estimatedCost", "the estimated cost in dirhams")));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/preparation", Name = "StartPreparation")]
    [EndpointSummary("Record that the project's preparation started, with its estimated cost.")]
    [EndpointDescription("Allowed for a programmed project. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, StartPreparation command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
