using NodaTime;
using NodaTime.Text;

namespace EventLedger.Projects;

/// <summary>
/// The pure rules of a project's stream: how its state at (D, T) is folded from its facts, and which new facts the
/// lifecycle allows. Nothing here reads a clock or a database.
/// </summary>
public static class ProjectTimeline
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <summary>
    /// The facts known at <paramref name="knownAt"/> (all when null): recorded at or before it and not retracted by a
    /// retraction recorded at or before it. Retractions themselves are left out.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Known(IEnumerable<TimelineEntry> entries, Instant? knownAt = null, long? throughSequence = null)
    {
        var recorded = entries.Where(e => (knownAt is not { } t || e.RecordedAt <= t) && (throughSequence is not { } s || e.Sequence <= s)).ToList();
        var retracted = recorded.Select(e => e.Fact).OfType<FactRetracted>().Select(r => r.RetractedEventId).ToHashSet();
        return recorded.Where(e => e.Fact is not FactRetracted && !retracted.Contains(e.EventId)).ToList();
    }

    /// <summary>Known facts in the order they take effect: effective date, then position in the stream.</summary>
    public static IEnumerable<TimelineEntry> InEffectOrder(IEnumerable<TimelineEntry> known) =>
        known.OrderBy(e => e.Fact.EffectiveDate).ThenBy(e => e.Version);

    /// <summary>
    /// The state on effective date <paramref name="asOf"/> as known at <paramref name="knownAt"/> (null: no limit).
    /// For each attribute the fact with the latest effective date wins, ties going to the later one in the stream.
    /// Null when the project was not programmed by then. A publication's cut adds <paramref name="throughSequence"/>: only
    /// facts at or before that position in the commune's ledger are known.
    /// </summary>
    public static ProjectState? StateAt(IEnumerable<TimelineEntry> entries, LocalDate? asOf = null, Instant? knownAt = null, long? throughSequence = null)
    {
        ProjectState? state = null;
        foreach (var entry in InEffectOrder(Known(entries, knownAt, throughSequence)))
        {
            if (asOf is { } d && entry.Fact.EffectiveDate > d) break;
            state = Apply(state, entry.Fact);
        }
        return state;
    }

    public static ProjectState? Apply(ProjectState? state, IProjectFact fact)
    {
        if (fact is ProjectProgrammed p)
        {
            return new ProjectState
            {
                Programme = p.Programme,
                Code = p.Code,
                Title = p.Title,
                Orientation = p.Orientation,
                Nature = p.Nature,
                District = p.District,
                Year = p.Year,
                Owner = p.Owner,
                DelegatedOwner = p.DelegatedOwner,
                Place = p.Place,
                Parent = p.Parent,
                Reconstructed = p.Reconstructed,
                Status = ProjectStatus.Programmed,
                ProgrammedCost = p.ProgrammedCost,
                ProgrammedOn = p.EffectiveDate,
                LastEffectiveDate = p.EffectiveDate,
                FactCount = 1,
            };
        }
        if (state is null) return null;

        var next = fact switch
        {
            ProjectPreparationStarted f => state with { Status = ProjectStatus.InPreparation, EstimatedCost = f.EstimatedCost, PreparationStartedOn = f.EffectiveDate },
            ProjectLaunched f => state with { Status = ProjectStatus.Launched, LaunchedOn = f.EffectiveDate },
            ProjectRealCostRecorded f => state with { RealCost = f.RealCost },
            ProjectRealCostRevised f => state with { RealCost = f.RealCost },
            ProjectCompleted f => state with { Status = ProjectStatus.Completed, CompletedOn = f.EffectiveDate, RealCost = f.FinalCost ?? state.RealCost },
            ProjectRescheduled f => state with { Year = f.Year },
            ProjectCancelled f => state with { Status = ProjectStatus.Cancelled, CancelledOn = f.EffectiveDate },
            ProjectProgrammedCostRevised f => state with { ProgrammedCost = f.ProgrammedCost },
            ProjectDroppedFromProgramme f => state with { Status = ProjectStatus.Dropped, DroppedOn = f.EffectiveDate },
            ProjectMoneyRecorded { Kind: MoneyFactKind.Commitment } f => state with { Committed = state.Committed + f.Amount },
            ProjectMoneyRecorded { Kind: MoneyFactKind.PaymentOrdered } f => state with { PaymentsOrdered = state.PaymentsOrdered + f.Amount },
            ProjectMoneyRecorded { Kind: MoneyFactKind.PaymentMade } f => state with { Paid = state.Paid + f.Amount },
            _ => state,
        };
        return next with
        {
            LastEffectiveDate = LocalDate.Max(state.LastEffectiveDate, fact.EffectiveDate),
            FactCount = state.FactCount + 1,
        };
    }

    /// <summary>Why <paramref name="fact"/> cannot follow <paramref name="state"/> (the state on its effective date), or null when it can.</summary>
    public static string? Refusal(ProjectState? state, IProjectFact fact)
    {
        var on = Iso.Format(fact.EffectiveDate);
        if (fact is ProjectProgrammed programmed)
        {
            if (state is not null) return $"the project is already programmed (since {Iso.Format(state.ProgrammedOn)})";
            return programmed.ProgrammedCost.IsNegative ? "a programmed cost cannot be negative" : null;
        }
        if (state is null) return $"the project was not programmed on {on}";

        string Is() => $"on {on} the project is {ProjectStatusNames.Of(state.Status)}";
        return fact switch
        {
            ProjectPreparationStarted f when state.Status != ProjectStatus.Programmed =>
                $"preparation can start only for a programmed project, and {Is()}",
            ProjectPreparationStarted f when f.EstimatedCost.IsNegative => "an estimated cost cannot be negative",
            ProjectLaunched when state.Status is not (ProjectStatus.Programmed or ProjectStatus.InPreparation) =>
                $"only a programmed project or one in preparation can be launched, and {Is()}",
            ProjectRealCostRecorded when !state.IsStarted =>
                $"a real cost is recorded only for a launched or completed project, and {Is()}",
            ProjectRealCostRecorded f when f.RealCost.IsNegative => "a real cost cannot be negative",
            ProjectRealCostRevised when !state.IsStarted =>
                $"a real cost is revised only for a launched or completed project, and {Is()}",
            ProjectRealCostRevised when state.RealCost is null =>
                $"no real cost is recorded on {on} to revise; record one first",
            ProjectRealCostRevised f when f.RealCost.IsNegative => "a real cost cannot be negative",
            ProjectCompleted when state.Status != ProjectStatus.Launched =>
                $"only a launched project can be completed, and {Is()}",
            ProjectCompleted { FinalCost.IsNegative: true } => "a final cost cannot be negative",
            ProjectRescheduled when state.Status is not (ProjectStatus.Programmed or ProjectStatus.InPreparation) =>
                $"only a project not yet launched can be rescheduled, and {Is()}",
            ProjectRescheduled f when f.Year == state.Year => $"the project is already programmed for {f.Year}",
            ProjectCancelled when state.Status is not (ProjectStatus.Programmed or ProjectStatus.InPreparation or ProjectStatus.Launched) =>
                $"only a project not completed, cancelled or dropped can be cancelled, and {Is()}",
            ProjectProgrammedCostRevised when state.Status is ProjectStatus.Cancelled or ProjectStatus.Dropped =>
                $"the programmed cost of a cancelled or dropped project cannot be revised, and {Is()}",
            ProjectProgrammedCostRevised f when f.ProgrammedCost.IsNegative => "a programmed cost cannot be negative",
            ProjectMoneyRecorded when state.Status == ProjectStatus.Dropped => $"money is not recorded for a project dropped from the programme, and {Is()}",
            ProjectMoneyRecorded f when f.Amount.IsNegative || f.Amount == Common.Money.Zero => "an amount from a finance system is positive",
            ProjectDroppedFromProgramme when state.Status is not (ProjectStatus.Programmed or ProjectStatus.InPreparation) =>
                $"only a project not yet launched can be dropped from the programme, and {Is()}",
            _ => null,
        };
    }

    /// <summary>
    /// Checks that appending <paramref name="additions"/> leaves a stream whose every fact is allowed by the state on its
    /// effective date. A new fact must be allowed where it falls; an existing fact that was allowed must stay allowed
    /// (a launch dated after a completion, or a retraction that would strand a later fact, is refused).
    /// </summary>
    public static string? Check(IReadOnlyList<TimelineEntry> existing, IReadOnlyList<TimelineEntry> additions)
    {
        var before = Violations(existing);
        var all = existing.Concat(additions).ToList();
        var added = additions.Select(a => a.EventId).ToHashSet();

        foreach (var retraction in additions.Select(a => a.Fact).OfType<FactRetracted>())
        {
            var refusal = RetractionRefusal(all, retraction);
            if (refusal is not null) return refusal;
        }

        foreach (var (entry, reason) in Violations(all))
        {
            if (added.Contains(entry.EventId)) return reason;
            if (before.Any(b => b.Entry.EventId == entry.EventId)) continue;
            return $"it would contradict the {entry.Type} fact effective {Iso.Format(entry.Fact.EffectiveDate)}: {reason}";
        }
        return null;
    }

    private static string? RetractionRefusal(IReadOnlyList<TimelineEntry> all, FactRetracted retraction)
    {
        var target = all.FirstOrDefault(e => e.EventId == retraction.RetractedEventId);
        if (target is null) return $"no fact {retraction.RetractedEventId} exists in this project's stream";
        if (target.Fact is FactRetracted) return "a retraction cannot itself be retracted; record the fact again instead";
        if (target.Fact is ProjectProgrammed && !retraction.Superseded)
            return "the programming of a project cannot be retracted, only superseded with corrected attributes (or the project dropped by a programme revision)";
        var earlier = all.Select(e => e.Fact).OfType<FactRetracted>()
            .Count(r => r.RetractedEventId == retraction.RetractedEventId);
        return earlier > 1 ? $"the fact {retraction.RetractedEventId} is already retracted" : null;
    }

    private static List<(TimelineEntry Entry, string Reason)> Violations(IEnumerable<TimelineEntry> entries)
    {
        var found = new List<(TimelineEntry, string)>();
        ProjectState? state = null;
        foreach (var entry in InEffectOrder(Known(entries)))
        {
            var reason = Refusal(state, entry.Fact);
            if (reason is not null) found.Add((entry, reason));
            else state = Apply(state, entry.Fact);
        }
        return found;
    }
}
