using EventLedger.Common;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Wolverine.Http;

namespace EventLedger.Ledger;

public static class VerificationEndpoint
{
    [WolverineGet("/api/communes/{commune}/ledger/verification", Name = "VerifyLedger")]
    [EndpointSummary("Recompute the commune's hash chain from its raw events: the head digest, or the first sequence that does not match its seal and what differs (changed, missing, extra). With digest and sequence: whether the ledger still leads to that digest.")]
    public static async Task<IResult> Get(string commune, string? digest, long? sequence, IQuerySession session, HttpContext http) =>
        Results.Json(await Verification.Verify(session, commune, digest, sequence, http.RequestAborted), JsonDefaults.Options);
}

public sealed class VerifyInput : NetCoreInput
{
    [Description("The commune, e.g. marrakech")]
    public string Commune { get; set; } = "";

    [Description("A digest kept outside the ledger (a publication shows it)")]
    public string? DigestFlag { get; set; }

    [Description("The sequence the digest was taken at")]
    public long? SequenceFlag { get; set; }
}

[Description("Verifies a commune's ledger against the seals and hash chain: exit 0 when it verifies, 1 when it does not", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override Task<bool> Execute(VerifyInput input) => CommandLineHost.Run(input, async services =>
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession(input.Commune);
        var report = await Verification.Verify(session, input.Commune, input.DigestFlag, input.SequenceFlag, CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"[bold]{report.Commune}[/]: {report.Events} events, head at sequence {report.HeadSequence}, digest {report.HeadDigest}");
        AnsiConsole.MarkupLineInterpolated($"chain kept by the daemon through sequence {report.ChainedThrough} ({report.ChainLag} events behind)");
        foreach (var d in report.Differences) AnsiConsole.MarkupLineInterpolated($"[red]{d.Kind}[/] at {d.Sequence}: {d.Message}");
        if (report.Digest is { } check) AnsiConsole.MarkupLineInterpolated($"{(check.LeadsToIt ? "[green]" : "[red]")}{check.Message}[/]");
        AnsiConsole.MarkupLine(report.Verified ? "[green]verified[/]" : "[red]NOT verified[/]");
        return report.Verified;
    });
}
