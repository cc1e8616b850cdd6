using EventLedger.Dataset;
using EventLedger.Dataset.Marrakech;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EventLedger.Tests.Support;

/// <summary>The service with the reconstructed Marrakech dataset loaded through its own commands, in a schema of its own.</summary>
public sealed class MarrakechApp : IAsyncLifetime
{
    public LedgerApp App { get; } = new();
    public IReadOnlyList<LoadedStep> Steps { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var store = App.Host.Services.GetRequiredService<IDocumentStore>();
        Steps = await DatasetLoader.Load(store, MarrakechDataset.Build(), App.Clock.GetCurrentInstant(), "dataset-test");
        await App.CatchUp();
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
