using EventLedger.Common;
using EventLedger.Programmes;
using Marten;
using NodaTime;
using NodaTime.Text;
using Wolverine.Http;

namespace EventLedger.Projects.ProgrammingProject;

public sealed record ProgrammeProject(
    string? Programme,
    string? Code,
    string? TitleAr,
    string? TitleFr,
    string? Orientation,
    string? Nature,
    string? District,
    int? Year,
    string? Owner,
    string? DelegatedOwner,
    decimal? ProgrammedCost,
    string? Parent,
    string? Place,
    LocalDate? EffectiveDate,
    bool Reconstructed = false);

public static class ProgrammeProjectEndpoint
{
    /// <summary>The pure decision: the programming fact, checked against the programme's vocabulary and years.</summary>
    public static Decision Decide(ProgrammeProject c, Programme programme, Project? parent, LocalDate today, Func<Guid> newId)
    {
        if (!ProjectCode.TryParse(c.Code?.Trim(), out var code))
            throw Require.Malformed(c.Code is null ? $"code is required: {ProjectCode.Rule}." : $"'{c.Code}' is not a project code: {ProjectCode.Rule}.");
        var title = new BilingualText(Require.Text(c.TitleAr, "titleAr", "the project's title in Arabic", 1000), Require.Text(c.TitleFr, "titleFr", "the project's title in French", 1000));
        var orientation = Require.Text(c.Orientation, "orientation", "the code of one of the programme's orientations", 60);
        var nature = Require.Text(c.Nature, "nature", "the code of one of the programme's natures of project", 60);
        var district = Require.Text(c.District, "district", "the code of one of the programme's districts", 60);
        var year = Require.Year(c.Year, "year");
        var owner = Require.Text(c.Owner, "owner", "the project owner's code, e.g. CM", 60);
        var cost = Require.Amount(c.ProgrammedCost, "programmedCost", "the amount programmed, in dirhams");
        ProjectCode? parentCode = null;
        if (c.Parent is not null)
        {
            if (!ProjectCode.TryParse(c.Parent.Trim(), out var p)) throw Require.Malformed($"parent '{c.Parent}' is not a project code: {ProjectCode.Rule}.");
            parentCode = p;
        }

        var effective = c.EffectiveDate ?? programme.AdoptedOn;
        var iso = LocalDatePattern.Iso;
        string? refusal =
            programme.Orientations.All(o => o.Code != orientation) ? $"the programme {programme.Id} has no orientation '{orientation}' (it has {string.Join(", ", programme.Orientations.Select(o => o.Code))})"
            : programme.Natures.All(n => n.Code != nature) ? $"the programme {programme.Id} has no nature '{nature}' (it has {string.Join(", ", programme.Natures.Select(n => n.Code))})"
            : programme.Districts.All(d => d.Code != district) ? $"the programme {programme.Id} has no district '{district}' (it has {string.Join(", ", programme.Districts.Select(d => d.Code))})"
            : !programme.CoversYear(year.Value) ? $"the year {year} is outside the programme {programme.Id} ({programme.FirstYear}-{programme.LastYear})"
            : cost.IsNegative ? "a programmed cost cannot be negative"
            : parentCode is { } pc && pc == code ? "a project cannot be its own parent"
            : parentCode is not null && parent is null ? $"the parent project {parentCode} is not in the programme {programme.Id}; programme it first"
            : parent?.State.Parent is not null ? $"the parent {parentCode} is itself a sub-project; sub-projects are one level deep"
            : effective < programme.AdoptedOn ? $"the effective date {iso.Format(effective)} is before the programme's adoption on {iso.Format(programme.AdoptedOn)}"
            : ProjectCommandContext.DateRefusal(programme, today, effective);
        if (refusal is not null) return Decision.Refuse($"{code}: {refusal}.");

        var fact = new ProjectProgrammed(programme.Id, code, effective, title, orientation, nature, district, year, owner,
            Require.OptionalText(c.DelegatedOwner, "delegatedOwner", 60), cost, parentCode, Require.OptionalText(c.Place, "place", 200),
            Revision: null, Reconstructed: c.Reconstructed);
        return new Decision([new NewFact(newId(), fact)], null);
    }

    /// <summary>Why a programming fact does not fit its programme's orientations, natures, districts or years; null when it does.</summary>
    public static string? VocabularyRefusal(Programme programme, ProjectProgrammed p) =>
        programme.Orientations.All(o => o.Code != p.Orientation) ? $"the programme {programme.Id} has no orientation '{p.Orientation}' (it has {string.Join(", ", programme.Orientations.Select(o => o.Code))})"
        : programme.Natures.All(n => n.Code != p.Nature) ? $"the programme {programme.Id} has no nature '{p.Nature}' (it has {string.Join(", ", programme.Natures.Select(n => n.Code))})"
        : programme.Districts.All(d => d.Code != p.District) ? $"the programme {programme.Id} has no district '{p.District}' (it has {string.Join(", ", programme.Districts.Select(d => d.Code))})"
        : !programme.CoversYear(p.Year.Value) ? $"the year {p.Year} is outside the programme {programme.Id} ({programme.FirstYear}-{programme.LastYear})"
        : null;

    [WolverinePost("/api/communes/{commune}/projects", Name = "ProgrammeProject")]
    [EndpointSummary("Put a project in the programme, with all its attributes (409 if its code is taken).")]
    public static async Task<IResult> Post(string commune, ProgrammeProject command, string? programme,
        IDocumentSession session, IClock clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var meta = RequestMetadata.Read(http);
        var fingerprint = Writes.Fingerprint(http, command);
        if (await Writes.Replay(session, http, meta.IdempotencyKey, fingerprint, ProjectWrites.Render, ct) is { } replay) return replay;

        var now = clock.GetCurrentInstant();
        var today = ProjectWrites.Today(clock);
        var routingYear = command.Year is { } y && ProgrammeYear.IsValid(y) ? new ProgrammeYear(y).FirstDay : today;
        var target = await ProgrammeLookup.Resolve(session, command.Programme ?? programme, routingYear, ct);
        Project? parent = null;
        if (command.Parent is { } p && ProjectCode.TryParse(p.Trim(), out var parentCode))
            parent = await session.LoadAsync<Project>(Project.StreamKey(target.Id, parentCode), ct);

        var decision = Decide(command, target, parent, today, Guid.CreateVersion7);
        if (decision.IsRefused) return Problems.Refused(decision.Refusal!);
        var fact = (ProjectProgrammed)decision.Facts[0].Fact;
        var key = Project.StreamKey(target.Id, fact.Code);
        if (await session.LoadAsync<Project>(key, ct) is not null)
            return Problems.Duplicate($"The programme {target.Id} already has a project {fact.Code}.");

        var e = Writes.Prepare(session, meta, decision.Facts[0].Id, fact, now);
        session.Events.StartStream<Project>(key, e);
        var write = new PendingWrite(key, 1, [e], StatusCodes.Status201Created,
            $"/api/communes/{commune}/projects/{fact.Code}?programme={target.Id}", ProjectWrites.Render);
        return await Writes.Commit(http, session, meta, fingerprint, write, now);
    }
}
