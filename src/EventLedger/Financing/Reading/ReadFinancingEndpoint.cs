using EventLedger.Common;
using EventLedger.Financing.Recording;
using EventLedger.Programmes;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Financing.Reading;

public sealed record FinancingView(string Stream, long Version, LocalDate? AsOf, Instant? KnownAt, Money OwnResources, Money Partnerships, Money Total,
    FinancingState State, FinancingLedger Facts);

public static class ReadFinancingEndpoint
{
    [WolverineGet("/api/communes/{commune}/programmes/{code}/financing", Name = "GetFinancing")]
    [EndpointSummary("A programme's financing: plans, funds mobilised and partnership agreements, with every fact and its ids; asOf and knownAt fold it at (D, T).")]
    public static async Task<IResult> Get(string commune, string code, string? asOf, string? knownAt, IQuerySession session, HttpContext http)
    {
        var date = QueryValues.Date(asOf, "asOf");
        var time = QueryValues.Instant(knownAt, "knownAt");
        var programme = await ProgrammeLookup.Resolve(session, code, default, http.RequestAborted);
        var ledger = await RecordFinancingEndpoints.Current(session, programme.Id, http.RequestAborted);
        var state = ledger.StateAt(date, time);
        var own = state.Mobilised(FundingSource.OwnResources);
        var partners = state.Mobilised(FundingSource.Partnerships);
        http.Response.Headers.ETag = $"\"{ledger.Version}\"";
        return Results.Json(new FinancingView(ledger.Id, ledger.Version, date, time, own, partners, own + partners, state, ledger), JsonDefaults.Options);
    }
}
