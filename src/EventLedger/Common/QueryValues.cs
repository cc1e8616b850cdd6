using NodaTime;
using NodaTime.Text;

namespace EventLedger.Common;

/// <summary>Query-string values; a malformed one is a 400 that names the parameter and the expected form.</summary>
public static class QueryValues
{
    public static LocalDate? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : throw Require.Malformed($"{name} must be a date as YYYY-MM-DD; '{text}' is not.");
    }

    public static Instant? Instant(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = InstantPattern.ExtendedIso.Parse(text.Trim());
        return result.Success ? result.Value : throw Require.Malformed($"{name} must be an instant in UTC as 2025-01-15T00:00:00Z; '{text}' is not.");
    }
}
