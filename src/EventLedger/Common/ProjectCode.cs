using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace EventLedger.Common;

/// <summary>
/// A project's code within its programme, as the commune prints it: orientation letter, programme number,
/// project number (<c>B1-4</c>), with further parts for a sub-project (<c>B1-4.2</c>).
/// </summary>
[JsonConverter(typeof(ProjectCodeJsonConverter))]
public readonly partial record struct ProjectCode : IComparable<ProjectCode>
{
    public const string Rule = "a project code is 1 to 32 characters: capital letters, digits, '-' and '.', starting with a letter or digit (e.g. B1-4)";

    public string Value { get; }

    public ProjectCode(string value)
    {
        if (!IsValid(value)) throw new ArgumentException($"'{value}' is not a project code: {Rule}.", nameof(value));
        Value = value;
    }

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static bool TryParse(string? value, out ProjectCode code)
    {
        code = default;
        if (!IsValid(value)) return false;
        code = new ProjectCode(value!);
        return true;
    }

    public int CompareTo(ProjectCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value ?? "";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9.\\-]{0,31}$")]
    private static partial Regex Pattern();
}

public sealed class ProjectCodeJsonConverter : JsonConverter<ProjectCode>
{
    public override ProjectCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (!ProjectCode.TryParse(value, out var code)) throw new JsonException($"'{value}' is not a project code: {ProjectCode.Rule}.");
        return code;
    }

    public override void Write(Utf8JsonWriter writer, ProjectCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
