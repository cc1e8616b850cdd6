namespace EventLedger.Common;

/// <summary>Who records a fact and under which correlation id, as read from the request.</summary>
public sealed record RequestMetadata(string Actor, string CorrelationId, string? IdempotencyKey, long? IfMatchVersion)
{
    public const string ActorHeader = "X-Actor";
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Reads the headers, or explains what is wrong with them.</summary>
    public static RequestMetadata Read(HttpContext http)
    {
        var headers = http.Request.Headers;
        var actor = headers[ActorHeader].ToString().Trim();
        if (actor.Length == 0)
            throw new RequestRefused(Problems.Malformed($"The {ActorHeader} header is required on every write: name the person or system recording the fact (e.g. '{ActorHeader}: programme-unit/f.alaoui')."));
        if (actor.Length > 200) throw new RequestRefused(Problems.Malformed($"The {ActorHeader} header is longer than 200 characters."));

        var correlation = headers[CorrelationHeader].ToString().Trim();
        if (correlation.Length == 0) correlation = http.TraceIdentifier;
        if (correlation.Length > 200) throw new RequestRefused(Problems.Malformed($"The {CorrelationHeader} header is longer than 200 characters."));

        var key = headers[IdempotencyHeader].ToString().Trim();
        if (key.Length > 200) throw new RequestRefused(Problems.Malformed($"The {IdempotencyHeader} header is longer than 200 characters."));

        long? ifMatch = null;
        var ifMatchText = headers.IfMatch.ToString().Trim();
        if (ifMatchText.Length > 0)
        {
            var unquoted = ifMatchText.StartsWith("W/", StringComparison.Ordinal) ? ifMatchText[2..] : ifMatchText;
            unquoted = unquoted.Trim('"');
            if (!long.TryParse(unquoted, out var version) || version < 0)
                throw new RequestRefused(Problems.Malformed($"The If-Match header must carry the stream version you read, as an ETag such as \"3\"; '{ifMatchText}' is not one."));
            ifMatch = version;
        }

        http.Response.Headers[CorrelationHeader] = correlation;
        return new RequestMetadata(actor, correlation, key.Length == 0 ? null : key, ifMatch);
    }

    /// <summary>The version the client read: If-Match or the body's expectedVersion, which must agree when both are given.</summary>
    public long? ExpectedVersion(long? bodyVersion)
    {
        if (bodyVersion is < 0) throw new RequestRefused(Problems.Malformed("expectedVersion cannot be negative."));
        if (IfMatchVersion is { } h && bodyVersion is { } b && h != b)
            throw new RequestRefused(Problems.Malformed($"If-Match says version {h} and the body says expectedVersion {b}; send one, or the same in both."));
        return IfMatchVersion ?? bodyVersion;
    }
}
