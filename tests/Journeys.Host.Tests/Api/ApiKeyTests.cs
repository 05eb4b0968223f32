using System.Net;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>401 for a missing or wrong key; the ingest key cannot manage; health needs no key.</summary>
public sealed class ApiKeyTests
{
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "/api/events" }, { "PUT", "/api/events/e1" }, { "GET", "/api/events/e1" }, { "DELETE", "/api/events/e1" },
        { "GET", "/api/datasources" }, { "PUT", "/api/datasources/d1" }, { "GET", "/api/datasources/d1" }, { "DELETE", "/api/datasources/d1" },
        { "GET", "/api/actions" }, { "PUT", "/api/actions/a1" }, { "GET", "/api/actions/a1" }, { "DELETE", "/api/actions/a1" },
        { "GET", "/api/journeys" }, { "PUT", "/api/journeys/j1" }, { "GET", "/api/journeys/j1" },
        { "POST", "/api/journeys/j1/validate" }, { "POST", "/api/journeys/j1/publish" },
        { "POST", "/api/journeys/j1/close" }, { "POST", "/api/journeys/j1/stop" },
        { "GET", "/api/journeys/j1/report" }, { "GET", "/api/journeys/j1/instances/p1" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Admin_routes_refuse_a_missing_key_a_wrong_key_and_the_ingest_key(string method, string path)
    {
        await using var api = await ApiHost.StartAsync();

        using var missing = await api.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiHost.Json("{}") });
        Assert.Equal(["UNAUTHORIZED"], (await missing.ProblemAsync(401)).Codes());

        using var wrong = new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiHost.Json("{}") };
        wrong.Headers.Add("x-api-key", "not-a-key");
        using var wrongResponse = await api.Anonymous.SendAsync(wrong);
        Assert.Equal(["UNAUTHORIZED"], (await wrongResponse.ProblemAsync(401)).Codes());

        using var ingestKey = await api.Ingest.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiHost.Json("{}") });
        Assert.Equal(["ADMIN_KEY_REQUIRED"], (await ingestKey.ProblemAsync(401)).Codes());
    }

    [Fact]
    public async Task Ingest_refuses_a_missing_or_wrong_key_before_reading_anything()
    {
        await using var api = await ApiHost.StartAsync();
        using var missing = await api.Anonymous.PostAsync("/api/ingest", ApiHost.Json("[]"));
        await missing.ProblemAsync(401);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = ApiHost.Json("[]") };
        wrong.Headers.Add("x-api-key", ApiHost.IngestKey + "x");
        using var wrongResponse = await api.Anonymous.SendAsync(wrong);
        await wrongResponse.ProblemAsync(401);
        api.Runtime!.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_ingest_key_may_ingest()
    {
        await using var api = await ApiHost.StartAsync();
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("[]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_needs_no_key()
    {
        await using var api = await ApiHost.StartAsync();
        using var response = await api.Anonymous.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
