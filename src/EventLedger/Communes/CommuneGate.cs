using System.Collections.Concurrent;
using EventLedger.Common;
using Marten;

namespace EventLedger.Communes;

/// <summary>
/// Answers 404 for any route under a commune that is not registered, before anything reads or writes in its name.
/// A registered commune is never removed, so a positive answer is remembered.
/// </summary>
public sealed class CommuneGate(RequestDelegate next, IDocumentStore store)
{
    private readonly ConcurrentDictionary<string, bool> _known = new();

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetRouteValue("commune") is string commune && !_known.ContainsKey(commune))
        {
            await using var session = store.QuerySession(CommunesConfiguration.RegistryTenant);
            if (await session.LoadAsync<Commune>(commune, http.RequestAborted) is null)
            {
                await Problems.NotFound($"No commune '{commune}' is registered here (GET /api/communes lists them).").ExecuteAsync(http);
                return;
            }
            _known[commune] = true;
        }
        await next(http);
    }
}
