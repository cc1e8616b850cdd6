using System.Text.Json;
using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Projects.Correcting;

/// <summary>
/// Retract an earlier fact of the project, or supersede it with a replacement of the same type (the replacement's
/// fields as that fact's data, e.g. <c>{"effectiveDate": "2024-03-01"}</c> for a launch).
/// </summary>
public sealed record CorrectFact(Guid? EventId, string? Reason, LocalDate? EffectiveDate = null, JsonElement? Replacement = null, long? ExpectedVersion = null);

public static class CorrectFactEndpoint
{
    public static Decision Decide(CorrectFact c, ProjectCommandContext context)
    {
        var eventId = Require.Present(c.EventId, "eventId", "the id of the fact to correct, as its history shows it");
        var reason = Require.Text(c.Reason, "reason", "why the fact is corrected", 2000);
        var date = c.EffectiveDate ?? context.Today;
        var target = context.Project.Timeline.FirstOrDefault(e => e.EventId == eventId);
        if (target is null)
            return Decision.Refuse($"{context.Project.State.Code}: no fact {eventId} exists in this project's stream.");

        var superseded = c.Replacement is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        var retraction = new NewFact(context.NewEventId(), new FactRetracted(date, eventId, target.Type, reason, superseded));
        if (!superseded) return context.Append(retraction);
        if (target.Fact is FactRetracted)
            return Decision.Refuse($"{context.Project.State.Code}: a retraction cannot be superseded.");

        IProjectFact replacement;
        try
        {
            replacement = (IProjectFact?)c.Replacement!.Value.Deserialize(target.Fact.GetType(), JsonDefaults.Options)
                ?? throw new JsonException("it is empty");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw Require.Malformed($"replacement must be the full data of a {target.Type} fact (as the history shows it, corrected): {e.Message}");
        }
        if (replacement.EffectiveDate == default)
            throw Require.Malformed($"replacement must carry its effectiveDate, as the {target.Type} fact it replaces does.");
        if (replacement is ProjectProgrammed p && (p.Code != context.Project.State.Code || p.Programme != context.Project.State.Programme))
            return Decision.Refuse($"{context.Project.State.Code}: a replacement cannot move the project to another code or programme; programme a new project instead.");
        var headers = new Dictionary<string, object> { [RecordedTimes.SupersedesHeader] = eventId.ToString() };
        return context.Append(retraction, new NewFact(context.NewEventId(), replacement, headers));
    }

    [WolverinePost("/api/communes/{commune}/projects/{code}/corrections", Name = "CorrectFact")]
    [EndpointSummary("Retract an earlier fact, or supersede it with a corrected one, giving the reason. Nothing is rewritten: readers at an earlier knowledge time still see what was known then.")]
    public static Task<IResult> Post(string commune, string code, CorrectFact command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http) =>
        ProjectWrites.Execute(http, session, clock, code, programme, command.EffectiveDate ?? ProjectWrites.Today(clock),
            command.ExpectedVersion, command, Decide);
}
