using EventLedger.Common;
using EventLedger.Programmes;
using EventLedger.Projects;
using EventLedger.Projects.Completing;
using EventLedger.Projects.Launching;
using EventLedger.Projects.RecordingCost;
using EventLedger.Projects.Rescheduling;
using EventLedger.Projects.StartingPreparation;
using EventLedger.Projects.Cancelling;
using EventLedger.Projects.Correcting;
using NodaTime;

namespace EventLedger.Tests.Projects;

/// <summary>The lifecycle rules, on the pure handlers: no database, no HTTP.</summary>
public sealed class ProjectTimelineTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 6, 30, 9, 0);
    private static readonly LocalDate Today = new(2025, 6, 30);
    private static readonly LocalDate Adopted = new(2022, 12, 26);

    private static readonly Programme Programme = new()
    {
        Id = "PAC-2023-2028",
        Name = new BilingualText("برنامج", "Programme"),
        AdoptedOn = Adopted,
        FirstYear = new ProgrammeYear(2023),
        LastYear = new ProgrammeYear(2028),
        Phases = [],
        Orientations = [new Orientation(2, "B", "ب", "B")],
        Natures = [new Label("urban-development", "ت", "U")],
        Districts = [new Label("medina", "م", "M")],
    };

    private static TimelineEntry Entry(long version, IProjectFact fact, Instant? recordedAt = null) =>
        new(Guid.NewGuid(), version, recordedAt ?? Now, fact);

    private static ProjectProgrammed Programmed(LocalDate? on = null) => new(Programme.Id, new ProjectCode("B1-4"), on ?? Adopted,
        new BilingualText("خط", "Ligne"), "B", "urban-development", "medina", new ProgrammeYear(2024), "CM", null, Money.Mad(1_000_000m));

    private static ProjectCommandContext Context(params IProjectFact[] facts)
    {
        var timeline = facts.Select((f, i) => Entry(i + 1, f)).ToList();
        var project = new Project { Id = "PAC-2023-2028:B1-4", State = ProjectTimeline.StateAt(timeline)!, Timeline = timeline, Version = timeline.Count };
        return new ProjectCommandContext(project, Programme, Now, Today, Guid.NewGuid);
    }

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void A_programmed_project_can_be_launched_then_completed()
    {
        var launch = LaunchProjectEndpoint.Decide(new LaunchProject(D(2024, 3, 1)), Context(Programmed()));
        Assert.False(launch.IsRefused);
        var complete = CompleteProjectEndpoint.Decide(new CompleteProject(D(2024, 9, 1), 900_000m),
            Context(Programmed(), new ProjectLaunched(D(2024, 3, 1))));
        Assert.False(complete.IsRefused);
        Assert.Equal(Money.Mad(900_000m), ((ProjectCompleted)complete.Facts[0].Fact).FinalCost);
    }

    [Fact]
    public void Completing_before_launching_is_refused()
    {
        var decision = CompleteProjectEndpoint.Decide(new CompleteProject(D(2024, 9, 1)), Context(Programmed()));
        Assert.Equal("B1-4: only a launched project can be completed, and on 2024-09-01 the project is programmed.", decision.Refusal);
    }

    [Fact]
    public void A_transition_is_checked_against_the_state_on_the_new_facts_effective_date()
    {
        var context = Context(Programmed(), new ProjectLaunched(D(2024, 3, 1)));
        // completion dated before the launch: on that date the project was only programmed
        Assert.Contains("on 2024-02-01 the project is programmed", CompleteProjectEndpoint.Decide(new CompleteProject(D(2024, 2, 1)), context).Refusal);
        // a real cost dated before the launch is refused; after it, accepted
        Assert.True(RecordRealCostEndpoint.Decide(new RecordRealCost(D(2024, 2, 1), 10m), context).IsRefused);
        Assert.False(RecordRealCostEndpoint.Decide(new RecordRealCost(D(2024, 4, 1), 10m), context).IsRefused);
    }

    [Fact]
    public void A_new_fact_that_would_contradict_a_later_one_is_refused()
    {
        var context = Context(Programmed(), new ProjectLaunched(D(2024, 3, 1)), new ProjectCompleted(D(2024, 9, 1)));
        // a cancellation dated before the completion would leave the completion following a cancelled project
        var decision = CancelProjectEndpoint.Decide(new CancelProject(D(2024, 5, 1), "budget"), context);
        Assert.Contains("it would contradict the project_completed fact effective 2024-09-01", decision.Refusal);
    }

    [Fact]
    public void Launching_twice_and_preparing_a_launched_project_are_refused()
    {
        var context = Context(Programmed(), new ProjectLaunched(D(2024, 3, 1)));
        Assert.Contains("only a programmed project or one in preparation can be launched", LaunchProjectEndpoint.Decide(new LaunchProject(D(2024, 4, 1)), context).Refusal);
        Assert.Contains("preparation can start only for a programmed project", StartPreparationEndpoint.Decide(new StartPreparation(D(2024, 4, 1), 5m), context).Refusal);
    }

    [Fact]
    public void A_project_may_be_launched_without_a_recorded_preparation_or_after_one()
    {
        Assert.False(LaunchProjectEndpoint.Decide(new LaunchProject(D(2024, 3, 1)), Context(Programmed())).IsRefused);
        Assert.False(LaunchProjectEndpoint.Decide(new LaunchProject(D(2024, 3, 1)),
            Context(Programmed(), new ProjectPreparationStarted(D(2023, 6, 1), Money.Mad(5m)))).IsRefused);
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        var launched = Context(Programmed(), new ProjectLaunched(D(2024, 3, 1)));
        Assert.Equal("B1-4: a real cost cannot be negative.", RecordRealCostEndpoint.Decide(new RecordRealCost(D(2024, 4, 1), -1m), launched).Refusal);
        Assert.Equal("B1-4: an estimated cost cannot be negative.", StartPreparationEndpoint.Decide(new StartPreparation(D(2024, 1, 1), -5m), Context(Programmed())).Refusal);
        Assert.Equal("B1-4: a final cost cannot be negative.", CompleteProjectEndpoint.Decide(new CompleteProject(D(2024, 9, 1), -5m), launched).Refusal);
    }

    [Fact]
    public void Effective_dates_in_the_future_or_outside_the_programme_are_refused()
    {
        var context = Context(Programmed());
        Assert.Contains("is in the future", LaunchProjectEndpoint.Decide(new LaunchProject(D(2025, 7, 1)), context).Refusal);
        Assert.Contains("is outside the programme PAC-2023-2028 (2022-12-26 to 2028-12-31)", LaunchProjectEndpoint.Decide(new LaunchProject(D(2022, 1, 1)), context).Refusal);
    }

    [Fact]
    public void Revising_a_real_cost_needs_one_recorded_and_rescheduling_needs_a_project_not_launched()
    {
        var launched = Context(Programmed(), new ProjectLaunched(D(2024, 3, 1)));
        Assert.Contains("no real cost is recorded on 2024-04-01 to revise", RecordRealCostEndpoint.Decide(new RecordRealCost(D(2024, 4, 1), 5m, "amendment"), launched).Refusal);
        Assert.Contains("only a project not yet launched can be rescheduled", RescheduleProjectEndpoint.Decide(new RescheduleProject(D(2024, 4, 1), 2026, "land"), launched).Refusal);
        Assert.Contains("the year 2030 is outside the programme", RescheduleProjectEndpoint.Decide(new RescheduleProject(D(2024, 4, 1), 2030, "land"), Context(Programmed())).Refusal);
        Assert.False(RescheduleProjectEndpoint.Decide(new RescheduleProject(D(2024, 4, 1), 2026, "land"), Context(Programmed())).IsRefused);
    }

    [Fact]
    public void A_regression_is_possible_only_by_retracting_the_completion_with_a_reason()
    {
        var context = Context(Programmed(), new ProjectLaunched(D(2024, 3, 1)), new ProjectCompleted(D(2024, 9, 1)));
        Assert.True(LaunchProjectEndpoint.Decide(new LaunchProject(D(2024, 10, 1)), context).IsRefused);

        var completion = context.Project.Timeline[2].EventId;
        var launch = context.Project.Timeline[1].EventId;
        // the launch cannot be retracted while the completion stands on it
        Assert.Contains("it would contradict the project_completed fact", CorrectFactEndpoint.Decide(new CorrectFact(launch, "wrong project"), context).Refusal);

        var retraction = CorrectFactEndpoint.Decide(new CorrectFact(completion, "handover not signed"), context);
        Assert.False(retraction.IsRefused);
        var retracted = Assert.IsType<FactRetracted>(retraction.Facts.Single().Fact);
        Assert.Equal(completion, retracted.RetractedEventId);
        Assert.Equal("project_completed", retracted.RetractedEventType);

        var after = context.Project.Timeline.Append(new TimelineEntry(retraction.Facts[0].Id, 4, Now, retracted)).ToList();
        Assert.Equal(ProjectStatus.Launched, ProjectTimeline.StateAt(after)!.Status);
    }

    [Fact]
    public void The_state_at_D_and_T_keeps_facts_recorded_by_T_effective_by_D_and_not_retracted_by_T()
    {
        var t1 = Instant.FromUtc(2024, 1, 10, 0, 0);
        var t2 = Instant.FromUtc(2024, 6, 10, 0, 0);
        var t3 = Instant.FromUtc(2025, 2, 1, 0, 0);
        var launched = Entry(2, new ProjectLaunched(D(2024, 3, 1)), t2);
        var costLate = Entry(3, new ProjectRealCostRecorded(D(2024, 5, 1), Money.Mad(700m)), t3); // recorded late
        var entries = new List<TimelineEntry> { Entry(1, Programmed(), t1), launched, costLate };

        Assert.Equal(ProjectStatus.Programmed, ProjectTimeline.StateAt(entries, D(2024, 12, 31), t1)!.Status);
        var midYear = ProjectTimeline.StateAt(entries, D(2024, 12, 31), t2)!;
        Assert.Equal(ProjectStatus.Launched, midYear.Status);
        Assert.Null(midYear.RealCost);
        Assert.Equal(Money.Mad(700m), ProjectTimeline.StateAt(entries, D(2024, 12, 31), t3)!.RealCost);
        Assert.Null(ProjectTimeline.StateAt(entries, D(2024, 4, 30), t3)!.RealCost);

        var t4 = Instant.FromUtc(2025, 3, 1, 0, 0);
        entries.Add(Entry(4, new FactRetracted(D(2025, 3, 1), costLate.EventId, "project_real_cost_recorded", "duplicate invoice", false), t4));
        Assert.Equal(Money.Mad(700m), ProjectTimeline.StateAt(entries, D(2024, 12, 31), t3)!.RealCost);
        Assert.Null(ProjectTimeline.StateAt(entries, D(2024, 12, 31), t4)!.RealCost);
    }

    [Fact]
    public void For_each_attribute_the_latest_effective_date_wins_and_ties_go_to_the_later_fact()
    {
        var entries = new List<TimelineEntry>
        {
            Entry(1, Programmed()),
            Entry(2, new ProjectLaunched(D(2024, 3, 1))),
            Entry(3, new ProjectRealCostRecorded(D(2024, 8, 1), Money.Mad(300m))),
            Entry(4, new ProjectRealCostRecorded(D(2024, 5, 1), Money.Mad(100m))), // recorded later, effective earlier
            Entry(5, new ProjectRealCostRecorded(D(2024, 8, 1), Money.Mad(350m))), // same date, later in the stream
        };
        Assert.Equal(Money.Mad(350m), ProjectTimeline.StateAt(entries)!.RealCost);
        Assert.Equal(Money.Mad(100m), ProjectTimeline.StateAt(entries, D(2024, 6, 1))!.RealCost);
    }
}
