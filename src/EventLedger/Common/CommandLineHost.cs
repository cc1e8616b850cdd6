using JasperFx.CommandLine;
using Spectre.Console;

namespace EventLedger.Common;

/// <summary>
/// What every command that reads the ledger does around its work: build the service's host without starting it (no
/// daemon, no listeners, no web server: a read beside a running service disturbs nothing), and say a refusal plainly.
/// </summary>
public static class CommandLineHost
{
    public static async Task<bool> Run(NetCoreInput input, Func<IServiceProvider, Task<bool>> work)
    {
        using var host = input.BuildHost();
        try
        {
            return await work(host.Services);
        }
        catch (RequestRefused refused)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{refused.Detail}[/]");
            return false;
        }
    }
}
