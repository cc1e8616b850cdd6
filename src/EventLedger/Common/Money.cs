using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventLedger.Common;

/// <summary>An exact amount of Moroccan dirhams, to the centime. Rounding happens only in <see cref="ToMillions"/>.</summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money : IComparable<Money>
{
    public decimal Dirhams { get; }

    public Money(decimal dirhams)
    {
        if (decimal.Round(dirhams, 2) != dirhams)
            throw new ArgumentException($"An amount in dirhams has at most two decimals (centimes); {dirhams.ToString(CultureInfo.InvariantCulture)} has more.", nameof(dirhams));
        Dirhams = dirhams;
    }

    public static Money Zero => new(0m);
    public static Money Mad(decimal dirhams) => new(dirhams);
    public static Money FromMillions(decimal millions) => new(millions * 1_000_000m);

    public static bool TryCreate(decimal dirhams, out Money money)
    {
        money = default;
        if (decimal.Round(dirhams, 2) != dirhams) return false;
        money = new Money(dirhams);
        return true;
    }

    public bool IsNegative => Dirhams < 0;

    /// <summary>Presentation only: MAD million, rounded half away from zero.</summary>
    public decimal ToMillions(int decimals = 2) =>
        decimal.Round(Dirhams / 1_000_000m, decimals, MidpointRounding.AwayFromZero);

    public static Money operator +(Money a, Money b) => new(a.Dirhams + b.Dirhams);
    public static Money operator -(Money a, Money b) => new(a.Dirhams - b.Dirhams);
    public static bool operator <(Money a, Money b) => a.Dirhams < b.Dirhams;
    public static bool operator >(Money a, Money b) => a.Dirhams > b.Dirhams;
    public static bool operator <=(Money a, Money b) => a.Dirhams <= b.Dirhams;
    public static bool operator >=(Money a, Money b) => a.Dirhams >= b.Dirhams;

    public int CompareTo(Money other) => Dirhams.CompareTo(other.Dirhams);

    public override string ToString() => Dirhams.ToString("0.00", CultureInfo.InvariantCulture) + " MAD";
}

public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String
            ? decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
            : reader.GetDecimal();
        if (!Money.TryCreate(value, out var money))
            throw new JsonException($"An amount in dirhams has at most two decimals; {value} has more.");
        return money;
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Dirhams);
}
