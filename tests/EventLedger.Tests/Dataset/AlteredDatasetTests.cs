using EventLedger.Dataset.Marrakech;
using EventLedger.Reviews.Publishing;
using EventLedger.Tests.Support;
using Marten;

namespace EventLedger.Tests.Dataset;

/// <summary>A ledger that differs from the dataset by one dirham does not reproduce the dataset's publications.</summary>
public sealed class AlteredDatasetTests(MarrakechApp original, AlteredMarrakechApp altered) : IClassFixture<MarrakechApp>, IClassFixture<AlteredMarrakechApp>
{
    [Fact]
    public async Task Changing_one_amount_in_a_copy_of_the_dataset_breaks_the_reproduction_of_the_original_publication()
    {
        await using var originalSession = original.Store.QuerySession(MarrakechDataset.Commune);
        var publication = await PublishingEndpoints.Published(originalSession, MarrakechDataset.Programme, 2023, CancellationToken.None);

        await using var alteredSession = altered.Store.QuerySession(MarrakechDataset.Commune);
        var reproduction = await PublishingEndpoints.Reproduce(alteredSession, MarrakechDataset.Commune, MarrakechDataset.Programme, publication, CancellationToken.None);
        Assert.False(reproduction.Equal);
        Assert.NotEqual(publication.Sha256, reproduction.ReproducedSha256);
        var started = Assert.Single(reproduction.Differences, d => d.Figure == "started.realCost");
        Assert.Equal(1m, started.Reproduced - started.Published);

        var same = await PublishingEndpoints.Reproduce(originalSession, MarrakechDataset.Commune, MarrakechDataset.Programme, publication, CancellationToken.None);
        Assert.True(same.Equal);
        Assert.NotEmpty(AlteredMarrakechApp.AlteredProject);
    }
}
