using System.Text.Json;
using EventLedger.Common;
using EventLedger.Programmes;
using JasperFx.Events;
using Marten;
using NodaTime;
using NodaTime.Text;

namespace EventLedger.Projects.ImportingHistory;

/// <summary>A fact from an earlier system: its stored type name, its data, and when that system recorded it.</summary>
public sealed record ImportedFact(string? Type, Instant? RecordedAt, JsonElement? Data);

public sealed record ImportedProject(string? Code, IReadOnlyList<ImportedFact>? Facts);

/// <summary>A bulk import of projects' past facts into one programme: all of it is appended, or nothing.</summary>
public sealed record ImportHistory(string? Programme, IReadOnlyList<ImportedProject>? Projects);

/// <summary>One stream an import appends to: new when <see cref="Version"/> is 0, else continued from that version.</summary>
public sealed record ImportedStream(string Stream, long Version, IReadOnlyList<(NewFact Fact, Instant RecordedAt)> Facts);

public sealed record ImportResult(string Programme, int Projects, int Events, Instant ImportedAt, long? FirstSequence, long? LastSequence);

public static class HistoryImport
{
    public const int MaxProjects = 5_000;

    /// <summary>
    /// The pure decision: each project's facts, checked in the order they were originally recorded by the same rules as
    /// live facts (programme dates and vocabulary, lifecycle), against the effective dates and the original recorded
    /// times. A project in <paramref name="existing"/> has its stream continued: its new facts must be recorded after its
    /// last one, and must keep its stream valid.
    /// </summary>
    public static IReadOnlyList<ImportedStream> Decide(
        ImportHistory command, Programme programme, Instant importedAt, Func<Guid> newId, IReadOnlyDictionary<string, Project>? existing = null)
    {
        var projects = command.Projects is { Count: > 0 } p ? p : throw Require.Malformed("projects is required: the projects whose history is imported, at least one.");
        if (projects.Count > MaxProjects) throw Require.Malformed($"an import holds at most {MaxProjects} projects; split this one.");
        var seen = new HashSet<string>();
        var result = new List<ImportedStream>();

        for (var i = 0; i < projects.Count; i++)
        {
            var item = projects[i];
            if (!ProjectCode.TryParse(item.Code?.Trim(), out var code)) throw Require.Malformed($"projects[{i}].code '{item.Code}' is not a project code: {ProjectCode.Rule}.");
            if (!seen.Add(code.Value)) throw Require.Malformed($"projects[{i}]: {code} appears twice in the import.");
            var facts = item.Facts is { Count: > 0 } f ? f : throw Require.Malformed($"projects[{i}] ({code}) has no facts.");

            var stream = Project.StreamKey(programme.Id, code);
            var current = existing?.GetValueOrDefault(stream);
            var timeline = current?.Timeline.ToList() ?? [];
            var appended = new List<(NewFact, Instant)>();
            Instant? previous = current?.LastRecordedAt;
            for (var j = 0; j < facts.Count; j++)
            {
                var where = $"projects[{i}].facts[{j}] ({code})";
                var (fact, recordedAt) = Read(facts[j], where);
                if (recordedAt > importedAt) throw Refuse($"{where}: recordedAt {recordedAt} is after the import; the original recorded time cannot be in the future.");
                if (previous is { } p0 && recordedAt < p0)
                    throw Refuse(j == 0 && current is not null
                        ? $"{where}: {code} already has facts recorded up to {p0}; an import continues a stream with facts recorded after its last one, and {recordedAt} is before it."
                        : $"{where}: facts must be listed in the order they were recorded, and {recordedAt} is before {p0}.");
                if (fact.EffectiveDate > recordedAt.InUtc().Date) throw Refuse($"{where}: it is effective {LocalDatePattern.Iso.Format(fact.EffectiveDate)}, after it was recorded on {recordedAt}.");
                if (j == 0 && current is null && fact is not ProjectProgrammed) throw Refuse($"{where}: a project's history starts with its programming (project_programmed).");
                if (fact is ProjectProgrammed programmed)
                {
                    if (programmed.Programme != programme.Id || programmed.Code != code)
                        throw Refuse($"{where}: it programmes {programmed.Programme}:{programmed.Code}, not {stream}.");
                    if (ProgrammingProject.ProgrammeProjectEndpoint.VocabularyRefusal(programme, programmed) is { } vocabulary)
                        throw Refuse($"{where}: {vocabulary}.");
                }
                if (fact is not FactRetracted && ProjectCommandContext.DateRefusal(programme, recordedAt.InUtc().Date, fact.EffectiveDate) is { } dateRefusal)
                    throw Refuse($"{where}: {dateRefusal}.");

                var entry = new TimelineEntry(newId(), (current?.Version ?? 0) + appended.Count + 1, recordedAt, fact);
                if (ProjectTimeline.Check(timeline, [entry]) is { } refusal) throw Refuse($"{where}: {refusal}.");
                timeline.Add(entry);
                previous = recordedAt;
                appended.Add((new NewFact(entry.EventId, fact, new Dictionary<string, object>
                {
                    [RecordedTimes.ImportedAtHeader] = InstantPattern.ExtendedIso.Format(importedAt),
                }), recordedAt));
            }
            result.Add(new ImportedStream(stream, current?.Version ?? 0, appended));
        }
        return result;
    }

    /// <summary>Checks and appends an import in one transaction; the caller saves the session.</summary>
    public static async Task<(ImportResult Result, IReadOnlyList<IEvent> Events)> Append(IDocumentSession session, ImportHistory command,
        Programme programme, RequestMetadata meta, Instant importedAt, CancellationToken ct)
    {
        var keys = (command.Projects ?? []).Select(p => ProjectCode.TryParse(p.Code?.Trim(), out var c) ? Project.StreamKey(programme.Id, c) : null)
            .OfType<string>().Distinct().ToArray();
        var existing = (await session.LoadManyAsync<Project>(ct, keys)).Where(p => p is not null).ToDictionary(p => p.Id);
        var decided = Decide(command, programme, importedAt, Guid.CreateVersion7, existing);

        var events = new List<IEvent>();
        foreach (var (stream, version, facts) in decided)
        {
            var wrapped = facts.Select(f => Writes.Prepare(session, meta, f.Fact.Id, f.Fact.Fact, f.RecordedAt, f.Fact.Headers)).ToArray();
            if (version == 0) session.Events.StartStream<Project>(stream, wrapped);
            else session.Events.Append(stream, version + wrapped.Length, wrapped);
            events.AddRange(wrapped);
        }
        return (new ImportResult(programme.Id, decided.Count, events.Count, importedAt, null, null), events);
    }

    private static (IProjectFact Fact, Instant RecordedAt) Read(ImportedFact item, string where)
    {
        var typeName = item.Type?.Trim() ?? throw Require.Malformed($"{where}: type is required, one of {string.Join(", ", ProjectFactTypes.ByName.Keys)}.");
        if (!ProjectFactTypes.ByName.TryGetValue(typeName, out var type))
            throw Require.Malformed($"{where}: '{typeName}' is not a fact type; the types are {string.Join(", ", ProjectFactTypes.ByName.Keys)}.");
        var recordedAt = item.RecordedAt ?? throw Require.Malformed($"{where}: recordedAt is required: when the earlier system recorded the fact, in UTC.");
        if (item.Data is not { ValueKind: JsonValueKind.Object } data) throw Require.Malformed($"{where}: data is required, the fact's fields as an object.");
        try
        {
            var fact = (IProjectFact?)data.Deserialize(type, JsonDefaults.Options) ?? throw new JsonException("empty");
            if (fact.EffectiveDate == default) throw Require.Malformed($"{where}: data.effectiveDate is required.");
            return (fact, recordedAt);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw Require.Malformed($"{where}: data is not a valid {typeName} fact: {e.Message}");
        }
    }

    private static RequestRefused Refuse(string detail) => new(Problems.Refused(detail));
}
