using System.Text.Json;
using EventLedger.Common;
using EventLedger.Dataset;
using EventLedger.Dataset.Marrakech;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EventLedger.Tests.Support;

/// <summary>The service with the reconstructed Marrakech dataset loaded through its own commands, in a schema of its own.</summary>
public class MarrakechApp : IAsyncLifetime
{
    public LedgerApp App { get; } = new();
    public IReadOnlyList<LoadedStep> Steps { get; private set; } = [];
    public IDocumentStore Store => App.Host.Services.GetRequiredService<IDocumentStore>();

    protected virtual DatasetScript Script() => MarrakechDataset.Build();

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Steps = await DatasetLoader.Load(Store, Script(), App.Clock.GetCurrentInstant(), "dataset-test");
        await App.CatchUp();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>A copy of the Marrakech dataset in which one amount of 2023 differs by one dirham.</summary>
public sealed class AlteredMarrakechApp : MarrakechApp
{
    public static string AlteredProject { get; private set; } = "";

    protected override DatasetScript Script()
    {
        var json = JsonSerializer.SerializeToNode(MarrakechDataset.Build(), JsonDefaults.Options)!;
        var import = json["steps"]!.AsArray().First(s => s!["step"]!.GetValue<string>() == "import-history"
            && s["at"]!.GetValue<string>() == MarrakechDataset.Recorded2023.ToString())!;
        var project = import["command"]!["projects"]!.AsArray()
            .First(p => p!["facts"]!.AsArray().Any(f => f!["type"]!.GetValue<string>() == "project_completed"))!;
        var fact = project["facts"]!.AsArray().Single(f => f!["type"]!.GetValue<string>() == "project_completed")!;
        fact["data"]!["finalCost"] = fact["data"]!["finalCost"]!.GetValue<decimal>() + 1m;
        AlteredProject = project["code"]!.GetValue<string>();
        return json.Deserialize<DatasetScript>(JsonDefaults.Options)!;
    }
}
