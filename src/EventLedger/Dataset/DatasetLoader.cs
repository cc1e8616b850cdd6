using EventLedger.Common;
using EventLedger.Communes;
using EventLedger.Financing;
using EventLedger.Financing.Recording;
using EventLedger.Programmes;
using EventLedger.Programmes.AdoptingProgramme;
using EventLedger.Programmes.RevisingProgramme;
using EventLedger.Projects.ImportingHistory;
using EventLedger.Reviews.Publishing;
using EventLedger.Reviews.Reconciling;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace EventLedger.Dataset;

public sealed record LoadedStep(int Number, string Kind, Instant At, int Events);

/// <summary>Runs a <see cref="DatasetScript"/> against the store, step by step, each step in one transaction.</summary>
public static class DatasetLoader
{
    /// <summary>Whether the script's commune is already registered (a loaded dataset is never loaded over itself).</summary>
    public static async Task<bool> IsLoaded(IDocumentStore store, DatasetScript script, CancellationToken ct)
    {
        await using var registry = store.QuerySession(CommunesConfiguration.RegistryTenant);
        return await registry.LoadAsync<Commune>(script.Commune, ct) is not null;
    }

    public static async Task<IReadOnlyList<LoadedStep>> Load(IDocumentStore store, DatasetScript script, Instant loadedAt, string actor,
        Action<LoadedStep>? progress = null, CancellationToken ct = default)
    {
        if (await IsLoaded(store, script, ct))
            throw new RequestRefused(Problems.Duplicate($"The commune '{script.Commune}' is already registered; the dataset {script.Name} loads into an empty commune only."));
        var headers = new Dictionary<string, object> { [RecordedTimes.ImportedAtHeader] = InstantPattern.ExtendedIso.Format(loadedAt) };
        var loaded = new List<LoadedStep>();
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var step = script.Steps[i];
            if (step.At > loadedAt) throw new InvalidOperationException($"Step {i + 1} of {script.Name} is recorded at {step.At}, after the load time {loadedAt}.");
            var meta = new RequestMetadata(actor, $"dataset:{script.Name}:{i + 1}", null, null);
            var count = await Run(store, script.Commune, step, meta, headers, loadedAt, ct);
            var done = new LoadedStep(i + 1, step.GetType().Name.Replace("Step", ""), step.At, count);
            loaded.Add(done);
            progress?.Invoke(done);
        }
        return loaded;
    }

    private static async Task<int> Run(IDocumentStore store, string commune, DatasetStep step, RequestMetadata meta,
        IReadOnlyDictionary<string, object> headers, Instant loadedAt, CancellationToken ct)
    {
        var now = step.At;
        var today = now.InUtc().Date;
        switch (step)
        {
            case RegisterStep s:
            {
                await using var registry = store.LightweightSession(CommunesConfiguration.RegistryTenant);
                var code = Require.Text(s.Command.Code, "code", "the commune's code", 63);
                var registered = new CommuneRegistered(code, new BilingualText(Require.Text(s.Command.NameAr, "nameAr", "the name in Arabic"),
                    Require.Text(s.Command.NameFr, "nameFr", "the name in French")), now);
                registry.Events.StartStream<Commune>(Commune.StreamKey(code), Writes.Prepare(registry, meta, Guid.CreateVersion7(), registered, now, headers));
                await registry.SaveChangesAsync(ct);
                return 1;
            }
            case FinancingStep s:
            {
                var count = 0;
                var commands = (s.Plans ?? []).Select(c => (Func<FinancingContext, IFinancingFact>)(x => RecordFinancingEndpoints.Decide(c, x)))
                    .Concat((s.Agreements ?? []).Select(c => (Func<FinancingContext, IFinancingFact>)(x => RecordFinancingEndpoints.Decide(c, x))))
                    .Concat((s.Funds ?? []).Select(c => (Func<FinancingContext, IFinancingFact>)(x => RecordFinancingEndpoints.Decide(c, x))));
                foreach (var decide in commands)
                {
                    await using var session = store.LightweightSession(commune);
                    var programme = await Programme(session, s.Programme, ct);
                    var ledger = await RecordFinancingEndpoints.Current(session, programme.Id, ct);
                    RecordFinancingEndpoints.Stage(session, ledger, [decide(new FinancingContext(programme, ledger, today))], meta, now, headers);
                    await session.SaveChangesAsync(ct);
                    count++;
                }
                return count;
            }
        }

        await using var tenant = store.LightweightSession(commune);
        var events = step switch
        {
            AdoptStep s => Adopt(tenant, s, meta, headers),
            ImportStep s => (await HistoryImport.Append(tenant, s.Command, await Programme(tenant, s.Command.Programme!, ct), meta, loadedAt, ct)).Events.Count,
            ReviseStep s => (await ReviseProgrammeEndpoint.Stage(tenant, s.Command, await Programme(tenant, s.Programme, ct), meta, now, today, headers, ct)).Events.Count,
            PublishStep s => (await PublishingEndpoints.Stage(tenant, commune, await Programme(tenant, s.Programme, ct), s.Year, s.Title, today, meta, now, headers, ct)).Version > 0 ? 1 : 0,
            PrintedFiguresStep s => (await RecordPublishedFiguresEndpoint.Stage(tenant, await Programme(tenant, s.Programme, ct),
                RecordPublishedFiguresEndpoint.Decide(s.Command, s.Year, today), meta, now, headers, ct)).Version > 0 ? 1 : 0,
            _ => throw new InvalidOperationException($"Unknown dataset step {step.GetType().Name}."),
        };
        await tenant.SaveChangesAsync(ct);
        return events;
    }

    private static int Adopt(IDocumentSession session, AdoptStep s, RequestMetadata meta, IReadOnlyDictionary<string, object> headers)
    {
        var adopted = AdoptProgrammeEndpoint.Decide(s.Command, s.At.InUtc().Date);
        session.Events.StartStream<Programme>(adopted.Code, Writes.Prepare(session, meta, Guid.CreateVersion7(), adopted, s.At, headers));
        return 1;
    }

    private static async Task<Programme> Programme(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<Programme>(code, ct) ?? throw new InvalidOperationException($"The dataset names the programme {code} before adopting it.");
}
