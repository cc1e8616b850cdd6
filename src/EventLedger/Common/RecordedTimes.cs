using JasperFx.Events;
using NodaTime;

namespace EventLedger.Common;

/// <summary>
/// Where the ledger keeps the recorded time of a fact.
/// Decision (asserted by ImportingHistoryTests): Marten stores the timestamp the application sets on an event when the
/// store appends in <see cref="EventAppendMode.Rich"/> mode, so the event's own timestamp is the recorded time, live or
/// imported. Live appends take it from the injected clock; an import takes the original time, and the import time is
/// kept beside it in the <see cref="ImportedAtHeader"/> header.
/// </summary>
public static class RecordedTimes
{
    public const string ImportedAtHeader = "importedAt";
    public const string SupersedesHeader = "supersedes";

    public static Instant RecordedAt(IEvent e) => Instant.FromDateTimeOffset(e.Timestamp);

    public static Instant? ImportedAt(IEvent e) =>
        e.Headers is { } headers && headers.TryGetValue(ImportedAtHeader, out var value)
            ? value switch
            {
                null => null,
                // headers come back from JSON as whatever the deserializer makes of an ISO string
                DateTime d => Instant.FromDateTimeUtc(d.Kind == DateTimeKind.Utc ? d : DateTime.SpecifyKind(d.ToUniversalTime(), DateTimeKind.Utc)),
                DateTimeOffset o => Instant.FromDateTimeOffset(o),
                System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } j => Parse(j.GetString()!),
                _ => Parse(value.ToString()!),
            }
            : null;

    private static Instant Parse(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <summary>Sets the recorded time, to the microsecond PostgreSQL keeps, so that what the ledger answers is what it stores.</summary>
    public static void Stamp(IEvent e, Instant recordedAt) => e.Timestamp = Microseconds(recordedAt).ToDateTimeOffset();

    public static Instant Microseconds(Instant t) => Instant.FromUnixTimeTicks(t.ToUnixTimeTicks() / 10 * 10);
}
