using System.Diagnostics;
using EventLedger.Tests.Reviews;
using EventLedger.Tests.Support;

namespace EventLedger.Tests.CommandLine;

/// <summary>The service's commands, run as a user runs them (the executable, beside the running service), on a ledger built through the API.</summary>
public sealed class CommandLineTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);

    public async Task InitializeAsync()
    {
        if ((await _api.GetJson("/api/communes")).AsArray().Count > 0) return;
        await SmallProgramme.Load(_api, app);
        await _api.Post("/api/communes/tiznit/reviews/2023/publication", new { }, 201);
        await _api.Post("/api/communes/tiznit/reviews/2023/published-figures", new
        {
            source = "Rapport 2023",
            figures = new object[]
            {
                new { section = "2-1", source = "table", metric = "started.count", value = 2, unit = "projects" },
                new { section = "2-1", source = "table", metric = "programme.projects.count", value = 4, unit = "projects" },
                new { section = "2-1", source = "table", metric = "progress.count.percent", value = 50, unit = "percent" },
                new { section = "2-2", source = "table", metric = "started.realCost", value = 1.46m, unit = "MAD million" },
            },
        }, 201);
        await app.CatchUp();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EventLedger.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Ledger"] = LedgerApp.ConnectionString;
        start.Environment["EventLedger__Schema"] = app.Schema;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Verify_says_the_ledger_verifies_and_exits_zero()
    {
        var (exit, output) = await Run("verify", "tiznit");
        Assert.True(exit == 0, output);
        Assert.Contains("verified", output);
        Assert.DoesNotContain("NOT verified", output);
    }

    [Fact]
    public async Task Review_prints_the_tables_and_the_hash_of_the_publication()
    {
        var publication = await _api.GetJson("/api/communes/tiznit/reviews/2023/publication");
        var (exit, output) = await Run("review", "tiznit", "2023", "--published");
        Assert.True(exit == 0, output);
        Assert.Contains("Par orientation stratégique", output);
        Assert.Contains(publication["sha256"]!.GetValue<string>(), output);
    }

    [Fact]
    public async Task Reconcile_prints_a_summary_per_outcome_and_each_figure()
    {
        var (exit, output) = await Run("reconcile", "tiznit", "2023");
        Assert.True(exit == 0, output);
        Assert.Contains("match", output);
        Assert.Contains("started.realCost", output);
        Assert.Contains("mismatch", output);
        // the printed 1.46 against the ledger's 1 450 000,00: the projects that make it up are named
        Assert.Contains("projects: Z1-1 (1000000), X1-1 (450000", output);
    }

    [Fact]
    public async Task Inspect_writes_csv()
    {
        var file = Path.Combine(Path.GetTempPath(), $"{app.Schema}-launches.csv");
        var (exit, output) = await Run("inspect", "events", "tiznit", "--type", "project_launched", "--out", file);
        Assert.True(exit == 0, output);
        var lines = (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).ToList();
        File.Delete(file);
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("sequence,recordedAt,importedAt,effectiveDate,stream,project,type,actor", lines[0]);
        Assert.Equal(3, lines.Count(l => l.Contains("project_launched")));
    }
}
