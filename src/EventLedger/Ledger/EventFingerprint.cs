using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace EventLedger.Ledger;

/// <summary>
/// The canonical bytes of one stored event, in four parts: identity (sequence, id, commune, stream, version, type),
/// times (the recorded time, to the microsecond), metadata (actor, correlation, causation, headers by name) and data
/// (the event's JSON as the store's serializer writes it). Each part is hashed, and the event's hash is SHA-256 of the
/// four part hashes in that order.
/// </summary>
public sealed record EventFingerprint(string Identity, string Times, string Metadata, string Data)
{
    public string EventHash => Hex(SHA256.HashData(Encoding.ASCII.GetBytes($"{Identity}{Times}{Metadata}{Data}")));

    public static EventFingerprint Of(IEvent e, ISerializer serializer)
    {
        string Part(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                write(writer);
                writer.WriteEndArray();
            }
            return Hex(SHA256.HashData(buffer.ToArray()));
        }

        return new EventFingerprint(
            Part(w =>
            {
                w.WriteNumberValue(e.Sequence);
                w.WriteStringValue(e.Id);
                w.WriteStringValue(e.TenantId);
                w.WriteStringValue(e.StreamKey);
                w.WriteNumberValue(e.Version);
                w.WriteStringValue(e.EventTypeName);
            }),
            Part(w => w.WriteStringValue(e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))),
            Part(w =>
            {
                w.WriteStringValue(e.UserName);
                w.WriteStringValue(e.CorrelationId);
                w.WriteStringValue(e.CausationId);
                foreach (var (name, value) in (e.Headers ?? new Dictionary<string, object>()).OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    w.WriteStringValue(name);
                    // header values come back from storage as whatever the deserializer makes of them (an ISO time
                    // as a DateTime): each is written in one form, whichever way it was read
                    w.WriteStringValue(value switch
                    {
                        null => null,
                        string text => text,
                        JsonElement { ValueKind: JsonValueKind.String } j => j.GetString(),
                        JsonElement j => j.GetRawText(),
                        DateTime d => InstantPattern.ExtendedIso.Format(Instant.FromDateTimeUtc(d.Kind == DateTimeKind.Utc ? d : d.ToUniversalTime())),
                        DateTimeOffset o => InstantPattern.ExtendedIso.Format(Instant.FromDateTimeOffset(o)),
                        _ => serializer.ToJson(value),
                    });
                }
            }),
            Part(w => w.WriteRawValue(serializer.ToJson(e.Data), skipInputValidation: true)));
    }

    public IReadOnlyList<string> PartsDifferingFrom(EventFingerprint other) =>
        new[] { ("identity", Identity, other.Identity), ("recorded time", Times, other.Times), ("metadata", Metadata, other.Metadata), ("data", Data, other.Data) }
            .Where(p => p.Item2 != p.Item3).Select(p => p.Item1).ToList();

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
