using System.Text.RegularExpressions;
using EventLedger.Common;
using Marten;
using NodaTime;
using Wolverine.Http;

namespace EventLedger.Programmes.AdoptingProgramme;

public sealed record PhaseInput(int? Number, int? FirstYear, int? LastYear);
public sealed record OrientationInput(int? Number, string? Code, string? Ar, string? Fr);
public sealed record LabelInput(string? Code, string? Ar, string? Fr);

public sealed record AdoptProgramme(
    string? Code,
    string? NameAr,
    string? NameFr,
    LocalDate? AdoptedOn,
    int? FirstYear,
    int? LastYear,
    IReadOnlyList<PhaseInput>? Phases,
    IReadOnlyList<OrientationInput>? Orientations,
    IReadOnlyList<LabelInput>? Natures,
    IReadOnlyList<LabelInput>? Districts);

public static partial class AdoptProgrammeEndpoint
{
    public const string CodeRule = "a programme code is 2 to 40 characters: letters, digits and '-', e.g. PAC-2023-2028";

    /// <summary>The pure decision: the adopted programme, or a 400 naming what is wrong with the request.</summary>
    public static ProgrammeAdopted Decide(AdoptProgramme c, LocalDate today)
    {
        var code = Require.Text(c.Code, "code", "the programme's code, e.g. PAC-2023-2028", 40);
        if (!CodePattern().IsMatch(code)) throw Require.Malformed($"'{code}' is not a programme code: {CodeRule}.");
        var name = new BilingualText(Require.Text(c.NameAr, "nameAr", "the programme's name in Arabic"), Require.Text(c.NameFr, "nameFr", "the programme's name in French"));
        var adoptedOn = Require.Present(c.AdoptedOn, "adoptedOn", "the date the council adopted the programme, YYYY-MM-DD");
        if (adoptedOn > today) throw Require.Malformed($"adoptedOn {adoptedOn:yyyy-MM-dd} is in the future: record the adoption once it has happened.");
        var first = Require.Year(c.FirstYear, "firstYear");
        var last = Require.Year(c.LastYear, "lastYear");
        if (last < first) throw Require.Malformed($"lastYear {last} is before firstYear {first}.");
        if (last.Value - first.Value > 11) throw Require.Malformed($"a programme spans at most 12 years; {first}-{last} spans {last.Value - first.Value + 1}.");

        var phases = (c.Phases ?? []).Select((p, i) =>
        {
            var from = Require.Year(p.FirstYear, $"phases[{i}].firstYear");
            var to = Require.Year(p.LastYear, $"phases[{i}].lastYear");
            if (to < from || from < first || to > last)
                throw Require.Malformed($"phases[{i}] ({from}-{to}) must lie within the programme's years {first}-{last}.");
            return new Phase(p.Number ?? i + 1, from, to);
        }).OrderBy(p => p.FirstYear).ToList();
        for (var i = 1; i < phases.Count; i++)
            if (phases[i].FirstYear <= phases[i - 1].LastYear)
                throw Require.Malformed($"phases {phases[i - 1].Number} and {phases[i].Number} overlap.");
        if (phases.Select(p => p.Number).Distinct().Count() != phases.Count) throw Require.Malformed("two phases have the same number.");

        var orientations = NonEmpty(c.Orientations, "orientations", "the programme's strategic orientations").Select((o, i) =>
            new Orientation(o.Number ?? i + 1,
                Require.Text(o.Code, $"orientations[{i}].code", "the letter that starts its projects' codes, e.g. A", 8),
                Require.Text(o.Ar, $"orientations[{i}].ar", "the label in Arabic"),
                Require.Text(o.Fr, $"orientations[{i}].fr", "the label in French"))).ToList();
        Unique(orientations.Select(o => o.Code), "orientations");
        Unique(orientations.Select(o => o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), "orientation numbers");

        return new ProgrammeAdopted(code, name, adoptedOn, first, last, phases, orientations,
            Labels(c.Natures, "natures", "the natures of project"), Labels(c.Districts, "districts", "the districts (arrondissements)"));
    }

    [WolverinePost("/api/communes/{commune}/programmes", Name = "AdoptProgramme")]
    [EndpointSummary("Record the adoption of a commune's action programme: years, phases, orientations, natures, districts.")]
    public static async Task<IResult> Post(string commune, AdoptProgramme command, IDocumentSession session, IClock clock, HttpContext http)
    {
        var meta = RequestMetadata.Read(http);
        var fingerprint = Writes.Fingerprint(http, command);
        if (await Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, Render, http.RequestAborted) is { } replay) return replay;

        var now = clock.GetCurrentInstant();
        var adopted = Decide(command, now.InUtc().Date);
        if (await session.LoadAsync<Programme>(adopted.Code, http.RequestAborted) is not null)
            return Problems.Duplicate($"The commune {commune} already has a programme {adopted.Code}; revise it instead of adopting it again.");

        var e = Writes.Prepare(session, meta, Guid.CreateVersion7(), adopted, now);
        session.Events.StartStream<Programme>(adopted.Code, e);
        var write = new PendingWrite(adopted.Code, 1, [e], StatusCodes.Status201Created, $"/api/communes/{commune}/programmes/{adopted.Code}", Render);
        return await Writes.Commit(http, session, meta, fingerprint, write, now);
    }

    public static async Task<object> Render(IQuerySession session, string stream, long version, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        (await session.Events.AggregateStreamAsync<Programme>(stream, version, token: ct))!;

    private static IReadOnlyList<T> NonEmpty<T>(IReadOnlyList<T>? items, string field, string what) =>
        items is { Count: > 0 } ? items : throw Require.Malformed($"{field} is required: {what}, at least one.");

    private static List<Label> Labels(IReadOnlyList<LabelInput>? items, string field, string what)
    {
        var labels = NonEmpty(items, field, what).Select((l, i) => new Label(
            Require.Text(l.Code, $"{field}[{i}].code", "a short code such as urban-development", 60),
            Require.Text(l.Ar, $"{field}[{i}].ar", "the label in Arabic"),
            Require.Text(l.Fr, $"{field}[{i}].fr", "the label in French"))).ToList();
        Unique(labels.Select(l => l.Code), field);
        return labels;
    }

    private static void Unique(IEnumerable<string> codes, string field)
    {
        var duplicate = codes.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Require.Malformed($"{field} has the code '{duplicate.Key}' twice.");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
