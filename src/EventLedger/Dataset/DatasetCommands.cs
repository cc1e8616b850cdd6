using System.Text.Json;
using EventLedger.Common;
using EventLedger.Dataset.Marrakech;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;

namespace EventLedger.Dataset;

public sealed class LoadDatasetInput : NetCoreInput
{
    [Description("Load this dataset script (JSON, as export-dataset writes it) instead of the built-in Marrakech reconstruction")]
    public string? FileFlag { get; set; }

    [Description("Do nothing, successfully, when the dataset's commune is already registered")]
    public bool IfEmptyFlag { get; set; }

    [Description("Who loads the dataset, recorded as the actor of every fact")]
    public string ActorFlag { get; set; } = "dataset-loader";
}

[Description("Loads the Marrakech 2023-2028 programme RECONSTRUCTED from its published totals (or a dataset script) through the ledger's own commands", Name = "load-dataset")]
public sealed class LoadDatasetCommand : JasperFxAsyncCommand<LoadDatasetInput>
{
    public override async Task<bool> Execute(LoadDatasetInput input)
    {
        var script = input.FileFlag is { } file
            ? JsonSerializer.Deserialize<DatasetScript>(await File.ReadAllTextAsync(file), JsonDefaults.Options) ?? throw new InvalidOperationException($"{file} holds no dataset.")
            : MarrakechDataset.Build();
        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            if (await DatasetLoader.IsLoaded(store, script, CancellationToken.None))
            {
                AnsiConsole.MarkupLineInterpolated($"The commune [bold]{script.Commune}[/] is already registered: the dataset {script.Name} is not loaded again.");
                return input.IfEmptyFlag;
            }
            AnsiConsole.MarkupLineInterpolated($"Loading [bold]{script.Name}[/] into [bold]{script.Commune}[/]: {script.About}");
            var now = host.Services.GetRequiredService<IClock>().GetCurrentInstant();
            var steps = await DatasetLoader.Load(store, script, now, input.ActorFlag,
                s => AnsiConsole.MarkupLineInterpolated($"  {s.Number,2}. {s.Kind,-16} recorded at {s.At}  {s.Events,5} events"));
            AnsiConsole.MarkupLineInterpolated($"Loaded {steps.Sum(s => s.Events)} events in {steps.Count} steps.");
            return true;
        }
        catch (RequestRefused refused)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Nothing more loaded:[/] {refused.Detail}");
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}

public sealed class ExportDatasetInput
{
    [Description("Where to write the dataset script (JSON)")]
    public string OutFlag { get; set; } = "marrakech-dataset.json";
}

[Description("Writes the built-in Marrakech reconstruction as a dataset script (JSON) that load-dataset --file reads back", Name = "export-dataset")]
public sealed class ExportDatasetCommand : JasperFxAsyncCommand<ExportDatasetInput>
{
    public override async Task<bool> Execute(ExportDatasetInput input)
    {
        var script = MarrakechDataset.Build();
        await File.WriteAllTextAsync(input.OutFlag, JsonSerializer.Serialize(script, new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = true }));
        Console.WriteLine($"Wrote {script.Steps.Count} steps of {script.Name} to {input.OutFlag}.");
        return true;
    }
}
