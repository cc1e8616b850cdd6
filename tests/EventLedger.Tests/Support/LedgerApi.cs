using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace EventLedger.Tests.Support;

/// <summary>Requests as a client sends them: JSON bodies, the actor header, and the status the test expects.</summary>
public sealed class LedgerApi(IAlbaHost host)
{
    public const string Actor = "programme-unit/tester";

    public async Task<IScenarioResult> Post(string url, object body, int status, IDictionary<string, string>? headers = null, string? actor = Actor)
    {
        var json = body as string ?? JsonSerializer.Serialize(body);
        return await host.Scenario(s =>
        {
            var parts = url.Split('?', 2);
            var send = s.Post.Text(json).ToUrl(parts[0]);
            if (parts.Length == 2)
                foreach (var pair in parts[1].Split('&').Select(p => p.Split('=', 2)))
                    send.QueryString(pair[0], Uri.UnescapeDataString(pair[1]));
            s.WithRequestHeader("Content-Type", "application/json");
            if (actor is not null) s.WithRequestHeader("X-Actor", actor);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) s.WithRequestHeader(name, value);
            s.StatusCodeShouldBe(status);
        });
    }

    public async Task<IScenarioResult> Get(string url, int status = 200) =>
        await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

    public async Task<JsonNode> GetJson(string url, int status = 200) => Json(await Get(url, status));

    /// <summary>Whether a GET of the resource answers 200.</summary>
    public async Task<bool> Exists(string url) =>
        (await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode == 200;

    public static JsonNode Json(IScenarioResult result) => JsonNode.Parse(result.ReadAsText())!;

    /// <summary>Marrakech and its programme, registered once per test class's schema.</summary>
    public async Task EnsureMarrakechProgramme()
    {
        if ((await GetJson("/api/communes")).AsArray().Count > 0) return;
        await RegisterCommune();
        await AdoptProgramme();
    }

    public async Task RegisterCommune(string code = "marrakech") =>
        await Post("/api/communes", new { code, nameAr = "جماعة " + code, nameFr = "Commune de " + code }, 201);

    public async Task AdoptProgramme(string commune = "marrakech", string code = "PAC-2023-2028", int firstYear = 2023, int lastYear = 2028,
        string adoptedOn = "2022-12-26", string[]? orientations = null) =>
        await Post($"/api/communes/{commune}/programmes", new
        {
            code,
            nameAr = "برنامج عمل " + commune,
            nameFr = "Programme d'action " + commune,
            adoptedOn,
            firstYear,
            lastYear,
            phases = new[]
            {
                new { number = 1, firstYear, lastYear = firstYear + (lastYear - firstYear) / 2 },
                new { number = 2, firstYear = firstYear + (lastYear - firstYear) / 2 + 1, lastYear },
            },
            orientations = (orientations ?? ["A", "B", "C", "D"]).Select((o, i) => new { number = i + 1, code = o, ar = "توجه " + o, fr = "Orientation " + o }),
            natures = new[]
            {
                new { code = "urban-development", ar = "التهيئة الحضرية", fr = "Aménagement urbain" },
                new { code = "governance", ar = "الحكامة", fr = "Gouvernance" },
            },
            districts = new[]
            {
                new { code = "medina", ar = "المدينة", fr = "Médina" },
                new { code = "gueliz", ar = "جليز", fr = "Guéliz" },
            },
        }, 201);

    public async Task<JsonNode> ProgrammeProject(string code, string commune = "marrakech", decimal programmedCost = 1_000_000m,
        string orientation = "B", int year = 2024, string? parent = null, string? programme = null) =>
        Json(await Post($"/api/communes/{commune}/projects", new
        {
            programme,
            code,
            titleAr = "مشروع " + code,
            titleFr = "Projet " + code,
            orientation,
            nature = "urban-development",
            district = "medina",
            year,
            owner = "CM",
            delegatedOwner = "SDL Mob",
            programmedCost,
            parent,
        }, 201));

    public async Task<JsonNode> History(string code, string commune = "marrakech") =>
        await GetJson($"/api/communes/{commune}/projects/{code}/history");

    /// <summary>The number of events in the project's stream and its version, as the API reports them.</summary>
    public async Task<(int Events, long Version)> StreamShape(string code, string commune = "marrakech")
    {
        var history = await History(code, commune);
        return (history["events"]!.AsArray().Count, history["version"]!.GetValue<long>());
    }
}
