using EventLedger.Common;
using EventLedger.Communes;
using EventLedger.Integration;
using JasperFx;
using Marten;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Ledger")
    ?? throw new InvalidOperationException(
        "No database: set ConnectionStrings__Ledger (ops/run does it for the local PostgreSQL that ops/pg starts).");
var schema = builder.Configuration["EventLedger:Schema"] ?? "ledger";

builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddMarten(opts => LedgerStore.Configure(opts, connectionString, schema))
    .UseLightweightSessions()
    // the review projections are kept by the async daemon, one node at a time
    .AddAsyncDaemon(JasperFx.Events.Daemon.DaemonMode.Solo)
    // Wolverine's queues live in the ledger's own schema, so that two deployments (or test runs) never share them
    .IntegrateWithWolverine(w => w.TransportSchemaName = schema)
    .PublishIntegrationEvents();

// after Marten's own hosted services: the event table exists, then it is made append-only
builder.Services.AddHostedService<EventLedger.Ledger.EventTableGuard>();

builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.UseSystemTextJsonForSerialization(o => JsonDefaults.Configure(o));
    IntegrationConfiguration.Configure(opts, builder.Configuration.GetConnectionString("RabbitMq"));
});
builder.Services.AddWolverineHttp();
builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseMiddleware<RefusalMiddleware>();
app.UseMiddleware<CommuneGate>();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapHealth();
app.MapWolverineEndpoints(o =>
{
    o.TenantId.IsRouteArgumentNamed("commune");
    o.MapConcurrencyFailuresToConflict();
    // '?page=abc' is a 400 with ProblemDetails, not a silent default
    o.RejectUnparseableQueryValues = true;
});

return await app.RunJasperFxCommands(args);

public partial class Program;
