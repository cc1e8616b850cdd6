using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventLedger.Projects;

/// <summary>Writes a fact as <c>{"type": stored name, "data": {...}}</c> and reads it back, using the stored names.</summary>
public sealed class ProjectFactJsonConverter : JsonConverter<IProjectFact>
{
    public override IProjectFact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var name = root.GetProperty("type").GetString() ?? throw new JsonException("A fact has no type.");
        if (!ProjectFactTypes.ByName.TryGetValue(name, out var type)) throw new JsonException($"'{name}' is not a known fact type.");
        return (IProjectFact)(root.GetProperty("data").Deserialize(type, options) ?? throw new JsonException($"A {name} fact has no data."));
    }

    public override void Write(Utf8JsonWriter writer, IProjectFact value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("type", ProjectFactTypes.NameOf(value));
        writer.WritePropertyName("data");
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
        writer.WriteEndObject();
    }
}
