using JasperFx.CommandLine;
using Spectre.Console;

namespace EventLedger.Common;

/// <summary>What every command that reads or writes the ledger does around its work: start the host, say a refusal plainly, stop.</summary>
public static class CommandLineHost
{
    public static async Task<bool> Run(NetCoreInput input, Func<IServiceProvider, Task<bool>> work)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            return await work(host.Services);
        }
        catch (RequestRefused refused)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{refused.Detail}[/]");
            return false;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
