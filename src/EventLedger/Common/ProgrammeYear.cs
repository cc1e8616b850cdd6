using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace EventLedger.Common;

/// <summary>A calendar year of a commune action programme.</summary>
[JsonConverter(typeof(ProgrammeYearJsonConverter))]
public readonly record struct ProgrammeYear : IComparable<ProgrammeYear>
{
    public const int Earliest = 2000;
    public const int Latest = 2100;

    public int Value { get; }

    public ProgrammeYear(int value)
    {
        if (value is < Earliest or > Latest)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"A programme year lies between {Earliest} and {Latest}.");
        Value = value;
    }

    public static bool IsValid(int value) => value is >= Earliest and <= Latest;

    public LocalDate FirstDay => new(Value, 1, 1);
    public LocalDate LastDay => new(Value, 12, 31);

    public int CompareTo(ProgrammeYear other) => Value.CompareTo(other.Value);
    public static bool operator <(ProgrammeYear a, ProgrammeYear b) => a.Value < b.Value;
    public static bool operator >(ProgrammeYear a, ProgrammeYear b) => a.Value > b.Value;
    public static bool operator <=(ProgrammeYear a, ProgrammeYear b) => a.Value <= b.Value;
    public static bool operator >=(ProgrammeYear a, ProgrammeYear b) => a.Value >= b.Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ProgrammeYearJsonConverter : JsonConverter<ProgrammeYear>
{
    public override ProgrammeYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetInt32();
        if (!ProgrammeYear.IsValid(value)) throw new JsonException($"{value} is not a programme year ({ProgrammeYear.Earliest}-{ProgrammeYear.Latest}).");
        return new ProgrammeYear(value);
    }

    public override void Write(Utf8JsonWriter writer, ProgrammeYear value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
