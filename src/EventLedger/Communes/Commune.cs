using System.Text.RegularExpressions;
using EventLedger.Common;
using NodaTime;

namespace EventLedger.Communes;

/// <summary>A commune joined the ledger. Recorded in the registry, outside every commune's own ledger.</summary>
public sealed record CommuneRegistered(string Code, BilingualText Name, Instant RegisteredAt);

/// <summary>The registry entry of a commune: the tenant of everything it records.</summary>
public sealed partial record Commune
{
    public const string Rule = "a commune code is 2 to 63 characters: lowercase letters, digits and '-', starting with a letter (e.g. marrakech)";

    public required string Id { get; init; }
    public required BilingualText Name { get; init; }
    public required Instant RegisteredAt { get; init; }

    public static Commune Create(CommuneRegistered e) => new() { Id = e.Code, Name = e.Name, RegisteredAt = e.RegisteredAt };

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static string StreamKey(string code) => code;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,62}$")]
    private static partial Regex CodePattern();
}
