using EventLedger.Contracts;
using JasperFx.CommandLine;

namespace EventLedger.Integration;

public sealed class AsyncApiInput
{
    [Description("Where to write the AsyncAPI document (default: the contracts project's asyncapi.json, from the repository's root)")]
    public string OutFlag { get; set; } = "src/EventLedger.Contracts/" + AsyncApi.FileName;
}

[Description("Writes the AsyncAPI 3.0 document of the integration contracts, built from the contract types", Name = "write-asyncapi")]
public sealed class AsyncApiCommand : JasperFxAsyncCommand<AsyncApiInput>
{
    public override async Task<bool> Execute(AsyncApiInput input)
    {
        await File.WriteAllTextAsync(input.OutFlag, AsyncApi.Text());
        Console.WriteLine($"Wrote {input.OutFlag}.");
        return true;
    }
}
