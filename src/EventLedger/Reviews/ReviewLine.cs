using EventLedger.Projects;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace EventLedger.Reviews;

/// <summary>
/// One project's facts as reviews read them, with their recorded times and sequences, so that a review folds any
/// (D, T) or publication cut from the commune's lines without touching the event table. Kept by the async daemon:
/// appends do not pay for it, it can be rebuilt when the review's rules change, and its progress is visible.
/// </summary>
public sealed record ReviewLine
{
    /// <summary>The project's stream key, <c>PROGRAMME:CODE</c>.</summary>
    public required string Id { get; init; }
    public required string Programme { get; init; }
    public required string Code { get; init; }
    public required IReadOnlyList<TimelineEntry> Entries { get; init; }
    public long Version { get; set; }
}

public sealed class ReviewLineProjection : SingleStreamProjection<ReviewLine, string>
{
    public ReviewLineProjection()
    {
        foreach (var type in ProjectFactTypes.ByName.Values) IncludeType(type);
    }

    public override ReviewLine Evolve(ReviewLine? snapshot, string id, IEvent e)
    {
        var entry = TimelineEntry.From(e);
        if (snapshot is null)
        {
            var programmed = e.Data as ProjectProgrammed
                ?? throw new InvalidOperationException($"The stream {id} does not begin with the programming of its project.");
            return new ReviewLine { Id = id, Programme = programmed.Programme, Code = programmed.Code.Value, Entries = [entry], Version = e.Version };
        }
        return snapshot with { Entries = [.. snapshot.Entries, entry], Version = e.Version };
    }
}
