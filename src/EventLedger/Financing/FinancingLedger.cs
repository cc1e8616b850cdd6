using EventLedger.Common;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace EventLedger.Financing;

/// <summary>A financing fact with the times the ledger keeps on it.</summary>
public sealed record RecordedFinancing<T>(Guid EventId, long Version, long Sequence, Instant RecordedAt, T Fact) where T : IFinancingFact;

/// <summary>
/// Every fact of one programme's financing stream, kept by the async daemon for reviews (which fold it at any
/// (D, T)) and for the financing endpoint.
/// </summary>
public sealed record FinancingLedger
{
    /// <summary>The stream key, <c>PROGRAMME/financing</c>.</summary>
    public required string Id { get; init; }
    public IReadOnlyList<RecordedFinancing<FinancingPlanned>> Plans { get; init; } = [];
    public IReadOnlyList<RecordedFinancing<FundsMobilised>> Funds { get; init; } = [];
    public IReadOnlyList<RecordedFinancing<PartnershipAgreementSigned>> Agreements { get; init; } = [];
    public IReadOnlyList<RecordedFinancing<FinancingFactRetracted>> Retractions { get; init; } = [];
    public long Version { get; set; }

    public static string StreamKey(string programme) => $"{programme}/financing";

    public static FinancingLedger Empty(string programme) => new() { Id = StreamKey(programme) };

    public FinancingLedger With(IEvent e)
    {
        RecordedFinancing<T> R<T>(T fact) where T : IFinancingFact => new(e.Id, e.Version, e.Sequence, RecordedTimes.RecordedAt(e), fact);
        var next = e.Data switch
        {
            FinancingPlanned f => this with { Plans = [.. Plans, R(f)] },
            FundsMobilised f => this with { Funds = [.. Funds, R(f)] },
            PartnershipAgreementSigned f => this with { Agreements = [.. Agreements, R(f)] },
            FinancingFactRetracted f => this with { Retractions = [.. Retractions, R(f)] },
            _ => this,
        };
        return next with { Version = e.Version };
    }

    /// <summary>The financing on effective date <paramref name="asOf"/> as known at <paramref name="knownAt"/> and through a sequence.</summary>
    public FinancingState StateAt(LocalDate? asOf = null, Instant? knownAt = null, long? throughSequence = null)
    {
        bool Recorded<T>(RecordedFinancing<T> r) where T : IFinancingFact =>
            (knownAt is not { } t || r.RecordedAt <= t) && (throughSequence is not { } s || r.Sequence <= s);
        var retracted = Retractions.Where(Recorded).Select(r => r.Fact.RetractedEventId).ToHashSet();
        bool Holds<T>(RecordedFinancing<T> r) where T : IFinancingFact =>
            Recorded(r) && !retracted.Contains(r.EventId) && (asOf is not { } d || r.Fact.EffectiveDate <= d);
        return new FinancingState(
            Plans.Where(Holds).Select(r => r.Fact).ToList(),
            Funds.Where(Holds).Select(r => r.Fact).ToList(),
            Agreements.Where(Holds).Select(r => r.Fact).ToList());
    }
}

/// <summary>The financing facts that hold at one (D, T).</summary>
public sealed record FinancingState(
    IReadOnlyList<FinancingPlanned> Plans,
    IReadOnlyList<FundsMobilised> Funds,
    IReadOnlyList<PartnershipAgreementSigned> Agreements)
{
    public Money Mobilised(FundingSource? source = null) =>
        Funds.Where(f => source is null || f.Source == source).Aggregate(Money.Zero, (sum, f) => sum + f.Amount);
}

public sealed class FinancingLedgerProjection : SingleStreamProjection<FinancingLedger, string>
{
    public FinancingLedgerProjection()
    {
        foreach (var type in FinancingFactTypes.ByName.Values) IncludeType(type);
    }

    public override FinancingLedger Evolve(FinancingLedger? snapshot, string id, IEvent e) =>
        (snapshot ?? new FinancingLedger { Id = id }).With(e);
}

public static class FinancingFactTypes
{
    public static readonly IReadOnlyDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["financing_planned"] = typeof(FinancingPlanned),
        ["funds_mobilised"] = typeof(FundsMobilised),
        ["partnership_agreement_signed"] = typeof(PartnershipAgreementSigned),
        ["financing_fact_retracted"] = typeof(FinancingFactRetracted),
    };

    public static string NameOf(Type type) => ByName.First(p => p.Value == type).Key;
}
