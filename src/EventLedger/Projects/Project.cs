using EventLedger.Common;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace EventLedger.Projects;

/// <summary>
/// A project as the ledger knows it now: every fact of its stream and the state they fold to (no limit on the
/// effective date, every recorded fact known). Maintained inline, in the transaction of each append.
/// </summary>
public sealed record Project
{
    /// <summary>The stream key: programme and code, e.g. <c>PAC-2023-2028:B1-4</c>.</summary>
    public required string Id { get; init; }
    public required ProjectState State { get; init; }
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }
    public long Version { get; set; }
    public Instant LastRecordedAt { get; init; }

    public static string StreamKey(string programme, ProjectCode code) => $"{programme}:{code.Value}";
}

public sealed class ProjectProjection : SingleStreamProjection<Project, string>
{
    public ProjectProjection()
    {
        foreach (var type in ProjectFactTypes.ByName.Values) IncludeType(type);
    }

    public override Project Evolve(Project? snapshot, string id, IEvent e)
    {
        var entry = TimelineEntry.From(e);
        var timeline = snapshot is null ? [entry] : snapshot.Timeline.Append(entry).ToList();
        var state = ProjectTimeline.StateAt(timeline)
            ?? throw new InvalidOperationException($"The stream {id} does not begin with the programming of its project.");
        return new Project
        {
            Id = id,
            State = state,
            Timeline = timeline,
            Version = e.Version,
            LastRecordedAt = Instant.Max(snapshot?.LastRecordedAt ?? Instant.MinValue, entry.RecordedAt),
        };
    }
}
