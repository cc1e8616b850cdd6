using EventLedger.Common;
using EventLedger.Projects;
using JasperFx.Events;
using NodaTime;

namespace EventLedger.Audit;

/// <summary>One event of the ledger as an auditor reads it: its three times, where it belongs, who recorded it and why.</summary>
public sealed record AuditEvent(
    long Sequence,
    Instant RecordedAt,
    Instant? ImportedAt,
    LocalDate? EffectiveDate,
    string Stream,
    string? Project,
    string Type,
    string? Actor,
    string? CorrelationId,
    string? Reason,
    Guid EventId)
{
    public static AuditEvent From(IEvent e) => new(
        e.Sequence,
        RecordedTimes.RecordedAt(e),
        RecordedTimes.ImportedAt(e),
        EffectiveDateOf(e.Data),
        e.StreamKey ?? e.StreamId.ToString(),
        ProjectOf(e.StreamKey),
        e.EventTypeName,
        e.UserName,
        e.CorrelationId,
        ReasonOf(e.Data),
        e.Id);

    /// <summary>The project code of a project stream (<c>PROGRAMME:CODE</c>), or null for other streams.</summary>
    public static string? ProjectOf(string? stream) =>
        stream is not null && stream.IndexOf(':') is var i and > 0 && ProjectCode.TryParse(stream[(i + 1)..], out var code) ? code.Value : null;

    public static LocalDate? EffectiveDateOf(object data) =>
        data.GetType().GetProperty("EffectiveDate")?.GetValue(data) is LocalDate d ? d : null;

    /// <summary>The reason a fact gives for itself (a correction, a revision, a cancellation), if it gives one.</summary>
    public static string? ReasonOf(object data) => data.GetType().GetProperty("Reason")?.GetValue(data) as string;
}

/// <summary>One page of an inspection query.</summary>
public sealed record InspectionPage<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items);

public static class Paging
{
    public static (int Page, int Size) Read(int? page, int? pageSize, int max = 1000)
    {
        var size = pageSize ?? 100;
        var number = page ?? 1;
        if (size < 1 || size > max) throw Require.Malformed($"pageSize must be between 1 and {max}; {size} is not.");
        if (number < 1) throw Require.Malformed($"page starts at 1; {number} is not a page.");
        return (number, size);
    }

    public static InspectionPage<T> Of<T>(IReadOnlyList<T> all, int page, int size) =>
        new(page, size, all.Count, all.Skip((page - 1) * size).Take(size).ToList());
}
