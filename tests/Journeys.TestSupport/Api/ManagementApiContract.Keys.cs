using System.Net;

namespace Journeys.TestSupport.Api;

/// <summary>Key rights and the route table: every SPEC §6 route and method, and what is not one.</summary>
public abstract partial class ManagementApiContract
{
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "/api/events" }, { "PUT", "/api/events/e1" }, { "GET", "/api/events/e1" }, { "DELETE", "/api/events/e1" },
        { "GET", "/api/datasources" }, { "PUT", "/api/datasources/d1" }, { "GET", "/api/datasources/d1" }, { "DELETE", "/api/datasources/d1" },
        { "GET", "/api/actions" }, { "PUT", "/api/actions/a1" }, { "GET", "/api/actions/a1" }, { "DELETE", "/api/actions/a1" },
        { "GET", "/api/journeys" }, { "PUT", "/api/journeys/j1" }, { "GET", "/api/journeys/j1" },
        { "POST", "/api/journeys/j1/validate" }, { "POST", "/api/journeys/j1/publish" },
        { "POST", "/api/journeys/j1/close" }, { "POST", "/api/journeys/j1/stop" }, { "POST", "/api/journeys/j1/simulate" },
        { "GET", "/api/journeys/j1/report" }, { "GET", "/api/journeys/j1/instances/p1" },
    };

    /// <summary>Each SPEC §6 route with a method it does not have.</summary>
    public static TheoryData<string, string> WrongMethods => new()
    {
        { "POST", "/api/events" }, { "PATCH", "/api/events/e1" }, { "POST", "/api/datasources/d1" }, { "PUT", "/api/actions" },
        { "DELETE", "/api/journeys/j1" }, { "GET", "/api/journeys/j1/publish" }, { "GET", "/api/journeys/j1/stop" },
        { "POST", "/api/journeys/j1/report" }, { "DELETE", "/api/journeys/j1/instances/p1" }, { "GET", "/api/ingest" }, { "POST", "/api/health" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes), MemberType = typeof(ManagementApiContract))]
    public async Task Admin_routes_refuse_a_missing_key_a_wrong_key_and_the_ingest_key(string method, string path)
    {
        await using var api = await StartAsync();

        using var missing = await api.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiUnderTest.Json("{}") });
        await AssertKeyRefusedAsync(missing, "UNAUTHORIZED");

        using var wrong = await api.WrongKey.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiUnderTest.Json("{}") });
        await AssertKeyRefusedAsync(wrong, "UNAUTHORIZED");

        using var ingestKey = await api.Ingest.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = ApiUnderTest.Json("{}") });
        await AssertKeyRefusedAsync(ingestKey, "ADMIN_KEY_REQUIRED");
    }

    [Fact]
    public async Task Ingest_refuses_a_missing_or_wrong_key()
    {
        await using var api = await StartAsync();
        using var missing = await api.Anonymous.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));
        await AssertKeyRefusedAsync(missing, "UNAUTHORIZED");

        using var wrong = await api.WrongKey.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));
        await AssertKeyRefusedAsync(wrong, "UNAUTHORIZED");
    }

    [Fact]
    public async Task The_ingest_key_and_the_admin_key_may_ingest()
    {
        await using var api = await StartAsync();
        using var ingest = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));
        using var admin = await api.Admin.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.True(Responses.SameJson("""{ "results": [] }""", await ingest.JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Health_needs_no_key_and_reports_storage_reachable()
    {
        await using var api = await StartAsync();
        using var response = await api.Anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("ok", (string)body["status"]!);
        Assert.True((bool)body["storage"]!);
    }

    [Theory]
    [InlineData("GET", "/api/nothing")]
    [InlineData("GET", "/api/journeys/j1/versions")]
    [InlineData("POST", "/api/journeys/j1/instances")]
    [InlineData("GET", "/api/events/e1/extra")]
    public async Task A_path_that_is_no_route_is_404(string method, string path)
    {
        await using var api = await StartAsync();
        using var response = await api.SendAsync(new HttpMethod(method), path);
        await AssertNoSuchRouteAsync(response);
    }

    [Theory]
    [MemberData(nameof(WrongMethods), MemberType = typeof(ManagementApiContract))]
    public async Task A_route_called_with_a_method_it_does_not_have_is_refused(string method, string path)
    {
        await using var api = await StartAsync();
        using var response = await api.SendAsync(new HttpMethod(method), path);
        await AssertMethodNotAllowedAsync(response);
    }
}
