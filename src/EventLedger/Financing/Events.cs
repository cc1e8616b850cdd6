using System.Text.Json;
using System.Text.Json.Serialization;
using EventLedger.Common;
using NodaTime;

namespace EventLedger.Financing;

/// <summary>Where money for the programme comes from (seed section 3-1).</summary>
[JsonConverter(typeof(FundingSourceJsonConverter))]
public enum FundingSource
{
    /// <summary>الموارد الذاتية: the commune's own resources.</summary>
    OwnResources,
    /// <summary>الشراكات والمنح المالية: partnerships and financial grants.</summary>
    Partnerships,
}

/// <summary>How a partnership agreement is funded (seed section 4-2).</summary>
[JsonConverter(typeof(AgreementKindJsonConverter))]
public enum AgreementKind
{
    /// <summary>The commune contributes with its partners.</summary>
    Cofunded,
    /// <summary>The partners fund it wholly.</summary>
    PartnerFunded,
}

public sealed class FundingSourceJsonConverter() : JsonStringEnumConverter<FundingSource>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

public sealed class AgreementKindJsonConverter() : JsonStringEnumConverter<AgreementKind>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

public static class FinancingNames
{
    public static string Of<T>(T value) where T : struct, Enum => KebabNames.Of(value);

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum => KebabNames.TryParse(text, out value);

    public static string All<T>() where T : struct, Enum => KebabNames.All<T>();

    public static BilingualText Label(FundingSource source) => source switch
    {
        FundingSource.OwnResources => new BilingualText("الموارد الذاتية", "Ressources propres"),
        _ => new BilingualText("الشراكات والمنح المالية", "Partenariats et dons financiers"),
    };
}

/// <summary>A fact of a programme's financing stream; like a project fact, it says when it happened in the world.</summary>
public interface IFinancingFact
{
    LocalDate EffectiveDate { get; }
}

/// <summary>
/// Financing estimated when the programme was prepared, for the projects programmed in a span of years
/// (seed section 3-2: 2022-2025). Its plan key is <c>FIRST-LAST</c>.
/// </summary>
public sealed record FinancingPlanned(LocalDate EffectiveDate, ProgrammeYear FirstYear, ProgrammeYear LastYear, Money Amount, string? Note = null) : IFinancingFact
{
    public string Plan => $"{FirstYear}-{LastYear}";
}

/// <summary>
/// Money mobilised for the programme from one source, with the finance document that proves it; under a partnership
/// agreement when <see cref="Agreement"/> names one, and counted against a financing plan when <see cref="Plan"/> does.
/// </summary>
public sealed record FundsMobilised(
    LocalDate EffectiveDate,
    FundingSource Source,
    Money Amount,
    string Reference,
    string? Agreement = null,
    string? Plan = null,
    bool Reconstructed = false) : IFinancingFact;

/// <summary>A partnership agreement was signed: its number, kind and the envelope the partners commit.</summary>
public sealed record PartnershipAgreementSigned(
    LocalDate EffectiveDate,
    string Number,
    BilingualText Title,
    AgreementKind Kind,
    Money Envelope,
    IReadOnlyList<string> Partners,
    bool Reconstructed = false) : IFinancingFact;

/// <summary>An earlier financing fact is withdrawn, with the reason; readers at an earlier knowledge time still see it.</summary>
public sealed record FinancingFactRetracted(LocalDate EffectiveDate, Guid RetractedEventId, string RetractedEventType, string Reason) : IFinancingFact;
