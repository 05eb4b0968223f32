using System.Net;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Serving;

public sealed class UnknownRouteTests
{
    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_a_code()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.Admin.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ROUTE_NOT_FOUND", (string)(await response.JsonAsync())["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task A_known_route_with_another_method_is_a_405_problem_with_a_code()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.Admin.DeleteAsync("/api/journeys/abandoned-cart");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", (string)(await response.JsonAsync())["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task A_handler_404_keeps_its_own_problem()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.Admin.GetAsync("/api/events/unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (string)(await response.JsonAsync())["errors"]![0]!["code"]!);
    }
}
