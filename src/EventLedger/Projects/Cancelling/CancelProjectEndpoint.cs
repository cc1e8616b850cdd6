using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.Cancelling;

public sealed record CancelProject(LocalDate? EffectiveDate, string? Reason, long? ExpectedVersion = null);

public static class CancelProjectEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(CancelProject c, ProjectCommandContext context)
    {
        return context.Append(new ProjectCancelled(Require.EffectiveDate(c.EffectiveDate),
            Require.Text(c.Reason, "reason", "why the project is cancelled", 2000)));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/cancellation", Name = "CancelProject")]
    [EndpointSummary("Record that the project was cancelled, with the reason.")]
    [EndpointDescription("Allowed for a project not completed; it stays in the ledger with its history. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, CancelProject command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
