using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Communes.RegisteringCommune;

public sealed record RegisterCommune(string? Code, string? NameAr, string? NameFr);

public static class RegisterCommuneEndpoint
{
    [WolverinePost("/api/communes", Name = "RegisterCommune")]
    [EndpointSummary("Register a commune: the tenant under which all its programmes, projects and reviews are kept.")]
    public static async Task<IResult> Post(RegisterCommune command, IDocumentStore store, IClock clock, HttpContext http)
    {
        var meta = RequestMetadata.Read(http);
        var code = Require.Text(command.Code, "code", "the commune's code, e.g. marrakech", 63);
        if (!Commune.IsValidCode(code)) return Problems.Malformed($"'{code}' is not a commune code: {Commune.Rule}.");
        var name = new BilingualText(
            Require.Text(command.NameAr, "nameAr", "the commune's name in Arabic", 200),
            Require.Text(command.NameFr, "nameFr", "the commune's name in French", 200));

        await using var session = store.LightweightSession(CommunesConfiguration.RegistryTenant);
        var fingerprint = Writes.Fingerprint(http, command);
        if (await Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, Render, http.RequestAborted) is { } replay) return replay;
        var key = Commune.StreamKey(code);
        if (await session.LoadAsync<Commune>(code, http.RequestAborted) is not null)
            return Problems.Duplicate($"The commune '{code}' is already registered.");

        var now = clock.GetCurrentInstant();
        var registered = Writes.Prepare(session, meta, Guid.CreateVersion7(), new CommuneRegistered(code, name, now), now);
        session.Events.StartStream<Commune>(key, registered);
        var write = new PendingWrite(key, 1, [registered], StatusCodes.Status201Created, $"/api/communes/{code}", Render);
        return await Writes.Commit(http, session, meta, fingerprint, write, now);
    }

    private static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var commune = await session.Events.AggregateStreamAsync<Commune>(stream, version, token: ct);
        return commune!;
    }

    [WolverineGet("/api/communes", Name = "ListCommunes")]
    [EndpointSummary("List the registered communes.")]
    public static async Task<IReadOnlyList<Commune>> List(IDocumentStore store, HttpContext http)
    {
        await using var session = store.QuerySession(CommunesConfiguration.RegistryTenant);
        return await session.Query<Commune>().OrderBy(c => c.Id).ToListAsync(http.RequestAborted);
    }
}
