using EventLedger.Common;
using EventLedger.Reviews.Publishing;
using EventLedger.Reviews.Reading;
using Marten;
using Wolverine.Http;

namespace EventLedger.Reviews.Reconciling;

public static class ReconciliationEndpoint
{
    [WolverineGet("/api/communes/{commune}/reviews/{year}/reconciliation", Name = "ReconcileReview")]
    [EndpointSummary("Every printed figure of the review's publication against the ledger at the publication's cut: match, rounding, mismatch (with the projects that explain it), inconsistent in the publication, or not derivable, each with its reason.")]
    public static async Task<IResult> Get(string commune, int year, string? programme, IQuerySession session, HttpContext http) =>
        Results.Json(await Reconcile(session, commune, year, programme, http.RequestAborted), JsonDefaults.Options);

    public static async Task<ReconciliationReport> Reconcile(IQuerySession session, string commune, int year, string? programme, CancellationToken ct)
    {
        var target = await ReviewEndpoints.Programme(session, programme, year, ct);
        var record = await session.LoadAsync<ReviewRecord>(ReviewRecord.StreamKey(target.Id, year), ct);
        var publication = record?.Publication
            ?? throw new RequestRefused(Problems.NotFound($"The review of {year} has not been published: publish it, then reconcile its printed figures with the ledger at its cut."));
        var printed = record.Printed
            ?? throw new RequestRefused(Problems.NotFound($"No printed figures are recorded for the review of {year}: POST them to /api/communes/{commune}/reviews/{year}/published-figures."));
        var input = await ReviewSources.RawInput(session, commune, target.Id, year, publication.KnownAt, publication.ThroughSequence, ct);
        return Reconciliation.Reconcile(commune, publication, printed, input.Programme, ReviewCalculator.States(input));
    }
}
