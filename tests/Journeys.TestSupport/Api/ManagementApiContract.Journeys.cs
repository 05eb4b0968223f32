using System.Net;

namespace Journeys.TestSupport.Api;

/// <summary>Journey drafts and the lifecycle routes: validate, publish (an unchanged draft, 409 with the validation errors), close, stop; delete refusal while live.</summary>
public abstract partial class ManagementApiContract
{
    [Fact]
    public async Task Put_validate_publish_then_get_shows_live_version_1()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);

        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("/api/journeys/abandoned-cart", put.Headers.Location?.OriginalString);
        var draft = await put.JsonAsync();
        Assert.Equal("draft", (string)draft["status"]!);
        Assert.Null(draft["liveVersion"]);
        Assert.Empty(draft["versions"]!.AsArray());

        using var validate = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/validate");
        Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        var validation = await validate.JsonAsync();
        Assert.True((bool)validation["valid"]!);
        Assert.Empty(validation["errors"]!.AsArray());
        var warning = Assert.Single(validation["warnings"]!.AsArray())!;
        Assert.Equal("NODE_ACTION_NO_ERROR_NEXT", (string)warning["code"]!);
        Assert.Equal("std-email", (string)warning["node"]!);
        Assert.False(string.IsNullOrEmpty((string?)warning["path"]));
        Assert.False(string.IsNullOrEmpty((string?)warning["message"]));

        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var published = await publish.JsonAsync();
        Assert.Equal(1, (int)published["version"]!);
        Assert.Equal("NODE_ACTION_NO_ERROR_NEXT", (string)Assert.Single(published["warnings"]!.AsArray())!["code"]!);

        using var get = await api.Admin.GetAsync("/api/journeys/abandoned-cart");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var journey = await get.JsonAsync();
        Assert.Equal("abandoned-cart", (string)journey["id"]!);
        Assert.Equal("live", (string)journey["status"]!);
        Assert.Equal(1, (int)journey["liveVersion"]!);
        var version = Assert.Single(journey["versions"]!.AsArray())!;
        Assert.Equal(1, (int)version["version"]!);
        Assert.Equal("live", (string)version["status"]!);
        Assert.Null(version["endedAt"]);
        Assert.Equal(get.Headers.ETag!.Tag, $"\"{(string)journey["etag"]!}\"");
        Assert.Equal(put.Headers.ETag, get.Headers.ETag);
        Assert.True(Responses.SameJson(SampleFiles.Read("journeys/abandoned-cart.json"), journey["draft"]));

        using var list = await api.Admin.GetAsync("/api/journeys");
        var item = Assert.Single((await list.JsonAsync()).AsArray())!;
        Assert.Equal("abandoned-cart", (string)item["id"]!);
        Assert.Equal("live", (string)item["status"]!);

    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_409_with_the_validation_errors_and_validate_lists_them()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        var broken = SampleFiles.Read("journeys/abandoned-cart.json").Replace("\"start\": \"await-order\"", "\"start\": \"nowhere\"", StringComparison.Ordinal);
        using var put = await api.PutAsync("/api/journeys/broken", broken);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/broken/publish");
        var problem = await publish.ProblemAsync(409);
        Assert.Contains("JOURNEY_START_UNKNOWN", problem.Codes());
        Assert.Contains("$.start", problem.Paths());

        using var validate = await api.SendAsync(HttpMethod.Post, "/api/journeys/broken/validate");
        Assert.Equal(HttpStatusCode.OK, validate.StatusCode);
        var validation = await validate.JsonAsync();
        Assert.False((bool)validation["valid"]!);
        Assert.Contains(validation["errors"]!.AsArray(), e => (string)e!["code"]! == "JOURNEY_START_UNKNOWN" && (string)e["path"]! == "$.start");

        using var get = await api.Admin.GetAsync("/api/journeys/broken");
        Assert.Equal("draft", (string)(await get.JsonAsync())["status"]!);
    }

    [Fact]
    public async Task Deleting_what_a_live_journey_uses_is_409_naming_the_journey_and_allowed_after_stop()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        foreach (var path in new[] { "/api/events/cart.abandoned", "/api/events/order.placed", "/api/actions/send-email", "/api/datasources/loyalty" })
        {
            using var delete = await api.SendAsync(HttpMethod.Delete, path);
            var problem = await delete.ProblemAsync(409);
            Assert.Equal(["IN_USE"], problem.Codes());
            Assert.Contains("abandoned-cart", (string)problem["title"]!, StringComparison.Ordinal);
            Assert.Contains("abandoned-cart", (string)problem["errors"]![0]!["message"]!, StringComparison.Ordinal);
        }

        using var stop = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/stop");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        using var deleted = await api.SendAsync(HttpMethod.Delete, "/api/actions/send-email");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Close_then_stop_report_the_new_status_and_the_ended_versions_and_repeat_as_no_ops()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");

        using var close = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/close");
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.True(Responses.SameJson("""{ "id": "abandoned-cart", "status": "closed", "liveVersion": null, "endedVersions": [1] }""", await close.JsonAsync()));

        using var closeAgain = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/close");
        Assert.True(Responses.SameJson("""{ "id": "abandoned-cart", "status": "closed", "liveVersion": null, "endedVersions": [] }""", await closeAgain.JsonAsync()));

        using var stop = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/stop");
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.True(Responses.SameJson("""{ "id": "abandoned-cart", "status": "stopped", "liveVersion": null, "endedVersions": [1] }""", await stop.JsonAsync()));

        using var closeStopped = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/close");
        Assert.Equal(["CONFLICT"], (await closeStopped.ProblemAsync(409)).Codes());
    }

    [Theory]
    [InlineData("close")]
    [InlineData("stop")]
    public async Task Closing_or_stopping_a_journey_never_published_is_409(string operation)
    {
        await using var api = await StartAsync();
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var response = await api.SendAsync(HttpMethod.Post, $"/api/journeys/abandoned-cart/{operation}");
        Assert.Equal(["CONFLICT"], (await response.ProblemAsync(409)).Codes());
    }

    [Theory]
    [InlineData("GET", "/api/journeys/nope")]
    [InlineData("POST", "/api/journeys/nope/validate")]
    [InlineData("POST", "/api/journeys/nope/publish")]
    [InlineData("POST", "/api/journeys/nope/close")]
    [InlineData("POST", "/api/journeys/nope/stop")]
    public async Task Unknown_journey_is_404(string method, string path)
    {
        await using var api = await StartAsync();
        using var response = await api.SendAsync(new HttpMethod(method), path);
        Assert.Equal(["NOT_FOUND"], (await response.ProblemAsync(404)).Codes());
    }

    [Fact]
    public async Task Draft_put_and_publish_honour_if_match_on_the_draft_etag()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        using var first = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        var firstETag = first.Headers.ETag!.Tag;
        using var second = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"), ifMatch: firstETag);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var stalePut = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"), ifMatch: firstETag);
        await stalePut.ProblemAsync(412);

        using var stalePublish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish", ifMatch: firstETag);
        await stalePublish.ProblemAsync(412);

        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish", ifMatch: second.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
    }

    [Fact]
    public async Task Unknown_node_type_is_400_with_the_path_of_the_node()
    {
        await using var api = await StartAsync();
        var body = SampleFiles.Read("journeys/abandoned-cart.json").Replace("\"type\": \"end\"", "\"type\": \"finish\"", StringComparison.Ordinal);
        using var response = await api.PutAsync("/api/journeys/abandoned-cart", body);
        var problem = await response.ProblemAsync(400);
        Assert.Equal(["JSON_UNKNOWN_NODE_TYPE"], problem.Codes());
        Assert.StartsWith("$.nodes.done", problem.Paths()[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_draft_identical_to_the_live_version_answers_the_live_version_and_creates_none()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var first = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(1, (int)(await first.JsonAsync())["version"]!);

        // The same draft written again (a new ETag, the same body) is still the live version.
        using var rewritten = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var again = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (int)(await again.JsonAsync())["version"]!);
        using var get = await api.Admin.GetAsync("/api/journeys/abandoned-cart");
        var journey = await get.JsonAsync();
        Assert.Equal(1, (int)journey["liveVersion"]!);
        Assert.Single(journey["versions"]!.AsArray());

        // A real change publishes version 2.
        var changed = SampleFiles.Read("journeys/abandoned-cart.json").Replace("\"timeout\": \"PT1H\"", "\"timeout\": \"PT2H\"", StringComparison.Ordinal);
        using var changedPut = await api.PutAsync("/api/journeys/abandoned-cart", changed);
        using var second = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(2, (int)(await second.JsonAsync())["version"]!);
    }

    [Fact]
    public async Task Publish_409_names_the_node_of_each_problem_like_validate()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        var broken = SampleFiles.Read("journeys/abandoned-cart.json").Replace("\"action\": \"send-email\",\n                   \"params\": { \"email\": \"entry.customer.email\", \"total\": \"entry.cart.total * 0.9\" }", "\"action\": \"no-such-action\"", StringComparison.Ordinal);
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
