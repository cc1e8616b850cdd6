using EventLedger.Tests.Support;

namespace EventLedger.Tests.Reviews;

/// <summary>Bad review, publication and financing requests: a ProblemDetails a person can act on, and nothing recorded.</summary>
public sealed class ReviewBadInputTests(LedgerApp app) : IClassFixture<LedgerApp>, IAsyncLifetime
{
    private readonly LedgerApi _api = new(app.Host);
    private const string Commune = "/api/communes/tiznit";
    private const string Financing = "/api/communes/tiznit/programmes/PAC-2022-2027/financing";

    public Task InitializeAsync() => SmallProgramme.Load(_api, app);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task Problem(Func<Task<Alba.IScenarioResult>> request, int status, string detail)
    {
        var result = await request();
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        var problem = LedgerApi.Json(result);
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/reviews/2023?knownAt=yesterday", 400, "knownAt must be an instant")]
    [InlineData("/reviews/2023?source=guess", 400, "source must be projections or raw-events")]
    [InlineData("/reviews/1999", 400, "1999 is not a year")]
    [InlineData("/reviews/2031", 404, "No programme of this commune covers 2031")]
    [InlineData("/reviews/2023/tables/9-9.csv", 404, "has no table '9-9'")]
    [InlineData("/reviews/2024/publication", 404, "has not been published")]
    [InlineData("/reviews/2024/reproduction", 404, "has not been published")]
    [InlineData("/reviews/2024/reconciliation", 404, "has not been published")]
    public async Task A_bad_read_is_a_problem(string path, int status, string detail) =>
        await Problem(() => _api.Get(Commune + path, status), status, detail);

    [Fact]
    public async Task A_review_whose_year_has_not_ended_cannot_be_published()
    {
        await Problem(() => _api.Post($"{Commune}/reviews/2025/publication", new { }, 422), 422, "can be published from 2026-01-01");
        await _api.Get($"{Commune}/reviews/2025/publication", 404);
    }

    [Theory]
    [InlineData("""{"figures":[{"section":"2-1","source":"table","metric":"started.count","value":2,"unit":"projects"}]}""", "source is required")]
    [InlineData("""{"source":"report","figures":[{"section":"2-1","source":"table","value":2,"unit":"projects"}]}""", "figures[0].metric is required")]
    [InlineData("""{"source":"report","figures":[{"review":"2022","section":"2-1","source":"table","metric":"started.count","value":2,"unit":"projects"}]}""", "belongs to the review of 2022")]
    [InlineData("""{"source":"report","figures":[]}""", "at least one")]
    public async Task Malformed_printed_figures_are_400_and_record_nothing(string body, string detail)
    {
        await Problem(() => _api.Post($"{Commune}/reviews/2024/published-figures", body, 400), 400, detail);
        await Problem(() => _api.Get($"{Commune}/reviews/2024/reconciliation", 404), 404, "has not been published");
    }

    [Theory]
    [InlineData("funds", """{"effectiveDate":"2023-05-01","source":"treasury","amount":10,"reference":"X-1"}""", 400, "source must be one of own-resources, partnerships")]
    [InlineData("funds", """{"effectiveDate":"2023-05-01","source":"partnerships","amount":10,"reference":"X-2","agreement":"A-404"}""", 422, "has no partnership agreement 'A-404'")]
    [InlineData("funds", """{"effectiveDate":"2023-05-01","source":"own-resources","amount":-10,"reference":"X-3"}""", 422, "an amount mobilised is positive")]
    [InlineData("funds", """{"effectiveDate":"2023-05-01","source":"own-resources","amount":10,"reference":"OV-1"}""", 409, "already recorded")]
    [InlineData("funds", """{"effectiveDate":"2023-05-01","source":"own-resources","amount":10,"reference":"X-4","plan":"2025-2027"}""", 422, "no financing plan '2025-2027'")]
    [InlineData("agreements", """{"effectiveDate":"2023-05-01","number":"A-1","titleAr":"x","titleFr":"x","kind":"cofunded","envelope":5,"partners":["p"]}""", 409, "already recorded")]
    [InlineData("agreements", """{"effectiveDate":"2023-05-01","number":"A-2","titleAr":"x","titleFr":"x","kind":"gift","envelope":5,"partners":["p"]}""", 400, "kind must be one of cofunded, partner-funded")]
    [InlineData("plans", """{"effectiveDate":"2031-05-01","firstYear":2025,"lastYear":2027,"amount":5}""", 422, "in the future")]
    [InlineData("corrections", """{"eventId":"0190a4c8-0000-7000-8000-000000000000","reason":"wrong"}""", 422, "no financing fact")]
    public async Task A_refused_financing_fact_is_a_problem_and_appends_nothing(string path, string body, int status, string detail)
    {
        var before = (await _api.GetJson(Financing))["version"]!.GetValue<long>();
        await Problem(() => _api.Post($"{Financing}/{path}", body, status), status, detail);
        Assert.Equal(before, (await _api.GetJson(Financing))["version"]!.GetValue<long>());
    }
}
