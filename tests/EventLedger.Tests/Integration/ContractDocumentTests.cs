using EventLedger.Contracts;

namespace EventLedger.Tests.Integration;

/// <summary>The committed AsyncAPI document is what the contract types say: change a contract, and this fails until the document is rewritten.</summary>
public sealed class ContractDocumentTests
{
    [Fact]
    public void The_committed_AsyncAPI_document_describes_the_contracts_as_they_are()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "EventLedger.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository's root was not found.");
        var committed = File.ReadAllText(Path.Combine(root, "src", "EventLedger.Contracts", AsyncApi.FileName));
        Assert.True(committed == AsyncApi.Text(),
            "src/EventLedger.Contracts/asyncapi.json no longer describes the contract types: run `dotnet EventLedger.dll write-asyncapi` from the repository's root, review the change, and version the contract if it breaks consumers.");
        Assert.Contains("\"asyncapi\": \"3.0.0\"", committed);
    }
}
