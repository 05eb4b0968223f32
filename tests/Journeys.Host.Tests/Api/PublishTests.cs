using System.Net;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>Issue 11 item 11: publishing an unchanged draft, and the shape of publish's 409.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publishing_a_draft_identical_to_the_live_version_answers_the_live_version_and_creates_none()
    {
        await using var api = await ApiHost.StartAsync();
        await JourneyRouteTests.DefineAbandonedCartConfigurationAsync(api);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", Samples.Read("journeys/abandoned-cart.json"));
        using var first = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(1, (int)(await first.JsonAsync())["version"]!);

        // The same draft written again (a new ETag, the same body) is still the live version.
        using var rewritten = await api.PutAsync("/api/journeys/abandoned-cart", Samples.Read("journeys/abandoned-cart.json"));
        using var again = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (int)(await again.JsonAsync())["version"]!);
        using var get = await api.Admin.GetAsync("/api/journeys/abandoned-cart");
        var journey = await get.JsonAsync();
        Assert.Equal(1, (int)journey["liveVersion"]!);
        Assert.Single(journey["versions"]!.AsArray());

        // A real change publishes version 2.
        var changed = Samples.Read("journeys/abandoned-cart.json").Replace("\"timeout\": \"PT1H\"", "\"timeout\": \"PT2H\"", StringComparison.Ordinal);
        using var changedPut = await api.PutAsync("/api/journeys/abandoned-cart", changed);
        using var second = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(2, (int)(await second.JsonAsync())["version"]!);
    }

    [Fact]
    public async Task Publish_409_names_the_node_of_each_problem_like_validate()
    {
        await using var api = await ApiHost.StartAsync();
        await JourneyRouteTests.DefineAbandonedCartConfigurationAsync(api);
        var broken = Samples.Read("journeys/abandoned-cart.json").Replace("\"action\": \"send-email\",\n                   \"params\": { \"email\": \"entry.customer.email\", \"total\": \"entry.cart.total * 0.9\" }", "\"action\": \"no-such-action\"", StringComparison.Ordinal);
        Assert.Contains("no-such-action", broken, StringComparison.Ordinal);
        using var put = await api.PutAsync("/api/journeys/broken", broken);

        using var validate = await api.SendAsync(HttpMethod.Post, "/api/journeys/broken/validate");
        var validationError = (await validate.JsonAsync())["errors"]!.AsArray().First(e => (string?)e!["node"] == "vip-email")!;
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/broken/publish");
        var problem = await publish.ProblemAsync(409);

        var error = problem["errors"]!.AsArray().Single(e => (string)e!["code"]! == (string)validationError["code"]!)!;
        Assert.Equal("vip-email", (string?)error["node"]);
        Assert.Equal((string)validationError["path"]!, (string)error["path"]!);
    }
}
