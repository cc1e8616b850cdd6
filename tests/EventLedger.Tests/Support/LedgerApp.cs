using System.Threading;
using Alba;
using JasperFx.CommandLine;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NodaTime;
using NodaTime.Testing;
using Wolverine;

namespace EventLedger.Tests.Support;

/// <summary>
/// The real service over HTTP (Alba) on the real PostgreSQL that ops/test starts, in a schema of its own per test
/// class, with a fake clock the tests move.
/// </summary>
public class LedgerApp : IAsyncLifetime
{
    public static readonly Instant Start = Instant.FromUtc(2025, 6, 30, 9, 0);
    private static int _counter;

    public FakeClock Clock { get; } = new(Start);
    public string Schema { get; } = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>Whether Wolverine's transports run (the PostgreSQL queues, RabbitMQ when configured); off for most tests.</summary>
    protected virtual bool ExternalTransports => false;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("EVENTLEDGER_TEST_DB")
        ?? throw new InvalidOperationException("EVENTLEDGER_TEST_DB is not set: run the tests with ops/test, which starts PostgreSQL and sets it.");

    public async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseSetting("ConnectionStrings:Ledger", ConnectionString);
            web.UseSetting("EventLedger:Schema", Schema);
            foreach (var (key, value) in Settings) web.UseSetting(key, value);
            web.ConfigureServices(services =>
            {
                services.AddSingleton<IClock>(Clock);
                services.RunWolverineInSoloMode();
                if (!ExternalTransports) services.DisableAllExternalWolverineTransports();
                ConfigureServices(services);
            });
        });
    }

    /// <summary>Waits until the async daemon has brought every projection up to the ledger's last event.</summary>
    public Task CatchUp() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {Schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
