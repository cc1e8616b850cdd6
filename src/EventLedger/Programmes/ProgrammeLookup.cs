using EventLedger.Common;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace EventLedger.Programmes;

/// <summary>Which programme a request addresses: the one it names, or else the one whose years cover the request's date.</summary>
public static class ProgrammeLookup
{
    public static async Task<Programme> Resolve(IQuerySession session, string? named, LocalDate date, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            return await session.LoadAsync<Programme>(named, ct)
                ?? throw new RequestRefused(Problems.NotFound($"This commune has no programme '{named}'."));
        }

        var programmes = await session.Query<Programme>().ToListAsync(ct);
        var covering = programmes.Where(p => p.CoversYear(date.Year)).OrderByDescending(p => p.FirstYear).FirstOrDefault()
            ?? programmes.FirstOrDefault(p => p.Covers(date));
        if (covering is not null) return covering;

        var known = programmes.Count == 0
            ? "it has adopted none yet (POST its programme first)"
            : "its programmes are " + string.Join(", ", programmes.Select(p => $"{p.Id} ({p.FirstYear}-{p.LastYear})"));
        throw new RequestRefused(Problems.NotFound(
            $"No programme of this commune covers {LocalDatePattern.Iso.Format(date)}: {known}. Name one with ?programme=."));
    }
}
