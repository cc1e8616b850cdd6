using System.Text.Json.Serialization;
using EventLedger.Common;
using JasperFx.Events;
using NodaTime;

namespace EventLedger.Projects;

/// <summary>
/// The stored names of the project facts. They are part of the ledger's contract: renaming a C# type must not
/// change them, and a change of shape gets a new name and an upcaster, never an edit of stored data.
/// </summary>
public static class ProjectFactTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["project_programmed"] = typeof(ProjectProgrammed),
        ["project_preparation_started"] = typeof(ProjectPreparationStarted),
        ["project_launched"] = typeof(ProjectLaunched),
        ["project_real_cost_recorded"] = typeof(ProjectRealCostRecorded),
        ["project_real_cost_revised"] = typeof(ProjectRealCostRevised),
        ["project_completed"] = typeof(ProjectCompleted),
        ["project_rescheduled"] = typeof(ProjectRescheduled),
        ["project_cancelled"] = typeof(ProjectCancelled),
        ["project_programmed_cost_revised"] = typeof(ProjectProgrammedCostRevised),
        ["project_dropped_from_programme"] = typeof(ProjectDroppedFromProgramme),
        ["fact_retracted"] = typeof(FactRetracted),
        ["project_money_recorded"] = typeof(ProjectMoneyRecorded),
    };

    private static readonly Dictionary<Type, string> NameByType = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static string NameOf(Type type) =>
        NameByType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type.Name} is not a project fact.");

    public static string NameOf(IProjectFact fact) => NameOf(fact.GetType());
}

/// <summary>One fact of a project's stream with the times the ledger keeps on it.</summary>
/// <param name="RecordedAt">When the ledger learned the fact (for imported history: when it was originally recorded).</param>
/// <param name="Version">Position in the project's stream; within one stream it orders facts as the commune's sequence does.</param>
/// <param name="Sequence">Position in the commune's ledger (0 while a fact is only decided, not yet appended).</param>
public sealed record TimelineEntry(
    Guid EventId,
    long Version,
    Instant RecordedAt,
    [property: JsonConverter(typeof(ProjectFactJsonConverter))] IProjectFact Fact,
    long Sequence = 0)
{
    public string Type => ProjectFactTypes.NameOf(Fact);

    public static TimelineEntry From(IEvent e) =>
        new(e.Id, e.Version, RecordedTimes.RecordedAt(e), (IProjectFact)e.Data, e.Sequence);
}
