using System.Text.Json;
using System.Text.Json.Serialization;
using EventLedger.Common;
using NodaTime;

namespace EventLedger.Projects;

[JsonConverter(typeof(ProjectStatusJsonConverter))]
public enum ProjectStatus
{
    Programmed,
    InPreparation,
    Launched,
    Completed,
    Cancelled,
    Dropped,
}

public sealed class ProjectStatusJsonConverter() : JsonStringEnumConverter<ProjectStatus>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

public static class ProjectStatusNames
{
    public static string Of(ProjectStatus status) => KebabNames.Of(status);

    public static bool TryParse(string? text, out ProjectStatus status) => KebabNames.TryParse(text, out status);

    public static string All => KebabNames.All<ProjectStatus>();
}

/// <summary>What the ledger says of a project on one effective date as known at one time.</summary>
public sealed record ProjectState
{
    public required string Programme { get; init; }
    public required ProjectCode Code { get; init; }
    public required BilingualText Title { get; init; }
    public required string Orientation { get; init; }
    public required string Nature { get; init; }
    public required string District { get; init; }
    public required ProgrammeYear Year { get; init; }
    public required string Owner { get; init; }
    public string? DelegatedOwner { get; init; }
    public string? Place { get; init; }
    public ProjectCode? Parent { get; init; }
    /// <summary>True for a project of a dataset reconstructed from published totals rather than recorded from the commune's files.</summary>
    public bool Reconstructed { get; init; }
    public required ProjectStatus Status { get; init; }
    public required Money ProgrammedCost { get; init; }
    public Money? EstimatedCost { get; init; }
    public Money? RealCost { get; init; }
    /// <summary>What finance systems reported: commitments, payment orders and payments, summed.</summary>
    public Money Committed { get; init; }
    public Money PaymentsOrdered { get; init; }
    public Money Paid { get; init; }
    public required LocalDate ProgrammedOn { get; init; }
    public LocalDate? PreparationStartedOn { get; init; }
    public LocalDate? LaunchedOn { get; init; }
    public LocalDate? CompletedOn { get; init; }
    public LocalDate? CancelledOn { get; init; }
    public LocalDate? DroppedOn { get; init; }
    /// <summary>The latest effective date among the facts this state was folded from.</summary>
    public required LocalDate LastEffectiveDate { get; init; }
    /// <summary>How many facts this state was folded from (retracted ones and retractions excluded).</summary>
    public required int FactCount { get; init; }

    public bool IsStarted => Status is ProjectStatus.Launched or ProjectStatus.Completed;
    public bool IsInProgramme => Status is not ProjectStatus.Dropped;
}
