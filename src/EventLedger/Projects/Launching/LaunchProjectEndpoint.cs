using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.Launching;

public sealed record LaunchProject(LocalDate? EffectiveDate, long? ExpectedVersion = null);

public static class LaunchProjectEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(LaunchProject c, ProjectCommandContext context)
    {
        return context.Append(new ProjectLaunched(Require.EffectiveDate(c.EffectiveDate)));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/launch", Name = "LaunchProject")]
    [EndpointSummary("Record that the project was launched (works ordered to start).")]
    [EndpointDescription("Allowed for a programmed project or one in preparation, on the launch order's date. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, LaunchProject command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
