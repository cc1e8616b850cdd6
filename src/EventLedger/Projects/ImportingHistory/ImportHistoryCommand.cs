using System.Text.Json;
using EventLedger.Common;
using EventLedger.Programmes;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EventLedger.Projects.ImportingHistory;

public sealed class ImportHistoryInput : NetCoreInput
{
    [Description("The JSON file to import (the body of POST /api/communes/{commune}/imports)")]
    public string File { get; set; } = "";

    [Description("The commune whose ledger receives the history")]
    public string CommuneFlag { get; set; } = "";

    [Description("Who runs the import, recorded as the actor of every fact")]
    public string ActorFlag { get; set; } = "import";
}

[Description("Imports projects' past facts with their original recorded times, all or nothing", Name = "import-history")]
public sealed class ImportHistoryCommand : JasperFxAsyncCommand<ImportHistoryInput>
{
    public override async Task<bool> Execute(ImportHistoryInput input)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var clock = host.Services.GetRequiredService<IClock>();
        var command = JsonSerializer.Deserialize<ImportHistory>(await File.ReadAllTextAsync(input.File), JsonDefaults.Options)
            ?? throw new InvalidOperationException($"{input.File} holds no import.");
        await using (var registry = store.QuerySession(Communes.CommunesConfiguration.RegistryTenant))
        {
            if (await registry.LoadAsync<Communes.Commune>(input.CommuneFlag) is null)
            {
                Console.Error.WriteLine($"Nothing imported: no commune '{input.CommuneFlag}' is registered; register it first (POST /api/communes).");
                await host.StopAsync();
                return false;
            }
        }
        await using var session = store.LightweightSession(input.CommuneFlag);
        var now = clock.GetCurrentInstant();
        try
        {
            var programme = await ProgrammeLookup.Resolve(session, command.Programme, now.InUtc().Date, CancellationToken.None);
            var meta = new RequestMetadata(input.ActorFlag, $"import:{Path.GetFileName(input.File)}", null, null);
            var (result, _) = await HistoryImport.Append(session, command, programme, meta, now, CancellationToken.None);
            await session.SaveChangesAsync();
            Console.WriteLine($"Imported {result.Events} facts of {result.Projects} projects into {input.CommuneFlag}/{result.Programme}.");
            await host.StopAsync();
            return true;
        }
        catch (RequestRefused refused)
        {
            var problem = (refused.Problem as Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)?.ProblemDetails;
            Console.Error.WriteLine($"Nothing imported: {problem?.Detail ?? refused.Message}");
            await host.StopAsync();
            return false;
        }
    }
}
