using NodaTime;

namespace EventLedger.Common;

/// <summary>Checks of a request's shape; a failure is a 400 that says which field and what it should hold.</summary>
public static class Require
{
    public static T Present<T>(T? value, string field, string what) where T : struct =>
        value ?? throw Malformed($"{field} is required: {what}.");

    public static string Text(string? value, string field, string what, int max = 500)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw Malformed($"{field} is required: {what}.");
        if (trimmed.Length > max) throw Malformed($"{field} is longer than {max} characters.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int max = 500)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > max) throw Malformed($"{field} is longer than {max} characters.");
        return trimmed;
    }

    public static Money Amount(decimal? value, string field, string what) =>
        OptionalAmount(Present(value, field, what), field)!.Value;

    public static Money? OptionalAmount(decimal? value, string field)
    {
        if (value is null) return null;
        if (!Money.TryCreate(value.Value, out var money))
            throw Malformed($"{field} is an amount in dirhams with at most two decimals (centimes); {value} has more.");
        return money;
    }

    public static ProgrammeYear Year(int? value, string field)
    {
        var year = Present(value, field, "a calendar year such as 2025");
        if (!ProgrammeYear.IsValid(year)) throw Malformed($"{field} must be a year between {ProgrammeYear.Earliest} and {ProgrammeYear.Latest}; {year} is not.");
        return new ProgrammeYear(year);
    }

    public static LocalDate EffectiveDate(LocalDate? value) =>
        Present(value, "effectiveDate", "the date it happened in the world, as YYYY-MM-DD");

    public static RequestRefused Malformed(string detail) => new(Problems.Malformed(detail));
}
