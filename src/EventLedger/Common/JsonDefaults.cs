using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace EventLedger.Common;

/// <summary>One JSON shape for the HTTP API, the stored events and the messages: camelCase, ISO dates, exact decimals.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Arabic labels stay readable in responses and stored JSON
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
