using EventLedger.Common;
using EventLedger.Projects;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EventLedger.Audit.Inspection;

public sealed class InspectInput : NetCoreInput
{
    [Description("The query: events, late-records, retroactive-changes, cost-overruns, stalled-projects, retractions")]
    public string Query { get; set; } = "";

    [Description("The commune, e.g. marrakech")]
    public string Commune { get; set; } = "";

    [Description("events, late-records, retractions: who recorded the facts")] public string? ActorFlag { get; set; }
    [Description("events, late-records: the stored event type, e.g. project_launched")] public string? TypeFlag { get; set; }
    [Description("the project's code")] public string? ProjectFlag { get; set; }
    [Description("recorded at or after this instant")] public string? FromFlag { get; set; }
    [Description("recorded at or before this instant")] public string? ToFlag { get; set; }
    [Description("late-records: days after the effective date")] public int? DaysFlag { get; set; }
    [Description("retroactive-changes: the published review's year")] public int? YearFlag { get; set; }
    [Description("cost-overruns: by more than this percentage")] public decimal? PercentFlag { get; set; }
    [Description("stalled-projects: months without a fact")] public int? MonthsFlag { get; set; }
    [Description("the effective date D")] public string? AsOfFlag { get; set; }
    [Description("the knowledge time T")] public string? KnownAtFlag { get; set; }
    [Description("the programme (default: the one covering the year)")] public string? ProgrammeFlag { get; set; }
    [Description("how many rows at most (default 100000)")] public int? LimitFlag { get; set; }
    [Description("write the CSV to this file (default: standard output)")] public string? OutFlag { get; set; }
}

[Description("Runs an inspection query on a commune's ledger and writes its rows as CSV (to --out, or standard output)", Name = "inspect")]
public sealed class InspectCommand : JasperFxAsyncCommand<InspectInput>
{
    public override Task<bool> Execute(InspectInput input) => CommandLineHost.Run(input, async services =>
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession(input.Commune);
        var filter = InspectionEndpoints.Filter(input.ActorFlag, input.TypeFlag, input.ProjectFlag, input.FromFlag, input.ToFlag, input.DaysFlag,
            input.YearFlag, input.PercentFlag, input.MonthsFlag, input.AsOfFlag, input.KnownAtFlag, input.ProgrammeFlag);
        var (_, csv) = await InspectionEndpoints.Run(input.Query, session, filter, ProjectWrites.Today(services.GetRequiredService<IClock>()),
            1, input.LimitFlag ?? 100_000, CancellationToken.None, maxPageSize: 1_000_000);
        if (input.OutFlag is { } file)
        {
            await File.WriteAllTextAsync(file, csv());
            Console.Error.WriteLine($"Wrote {file}.");
        }
        else Console.Out.Write(csv());
        return true;
    });
}
