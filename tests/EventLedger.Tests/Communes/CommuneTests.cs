using EventLedger.Tests.Support;

namespace EventLedger.Tests.Communes;

public sealed class CommuneTests(LedgerApp app) : IClassFixture<LedgerApp>
{
    private readonly LedgerApi _api = new(app.Host);

    [Fact]
    public async Task A_registered_commune_is_listed_with_its_names_and_a_second_registration_is_a_conflict()
    {
        await _api.RegisterCommune("agadir");

        var communes = await _api.GetJson("/api/communes");
        var agadir = communes.AsArray().Single(c => c!["id"]!.GetValue<string>() == "agadir")!;
        Assert.Equal("جماعة agadir", agadir["name"]!["ar"]!.GetValue<string>());
        Assert.Equal("Commune de agadir", agadir["name"]!["fr"]!.GetValue<string>());

        var again = await _api.Post("/api/communes", new { code = "agadir", nameAr = "x", nameFr = "y" }, 409);
        Assert.Contains("already registered", LedgerApi.Json(again)["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_answers_when_the_database_is_up()
    {
        var health = await _api.GetJson("/health");
        Assert.Equal("up", health["database"]!.GetValue<string>());
    }
}
