using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.Rescheduling;

public sealed record RescheduleProject(LocalDate? EffectiveDate, int? Year, string? Reason, long? ExpectedVersion = null);

public static class RescheduleProjectEndpoint
{
    /// <summary>The pure decision, from the command, the project as stored, its programme and the clock.</summary>
    public static Decision Decide(RescheduleProject c, ProjectCommandContext context)
    {
        var year = Require.Year(c.Year, "year");
        if (!context.Programme.CoversYear(year.Value))
            return Decision.Refuse($"{context.Project.State.Code}: the year {year} is outside the programme {context.Programme.Id} ({context.Programme.FirstYear}-{context.Programme.LastYear}).");
        return context.Append(new ProjectRescheduled(Require.EffectiveDate(c.EffectiveDate), year,
            Require.Text(c.Reason, "reason", "why the project moves to another year", 2000)));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/rescheduling", Name = "RescheduleProject")]
    [EndpointSummary("Move a project not yet launched to another year of its programme.")]
    [EndpointDescription("The new year must lie within the programme. Send the version you read as If-Match or expectedVersion (409 if the project moved on); an Idempotency-Key makes a retry safe.")]
    public static Task<IResult> Post(string commune, string code, RescheduleProject command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, Require.EffectiveDate(command.EffectiveDate),
            command.ExpectedVersion, command, Decide);
}
