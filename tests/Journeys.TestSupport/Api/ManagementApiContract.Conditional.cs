using System.Net;

namespace Journeys.TestSupport.Api;

/// <summary>If-Match and If-None-Match by RFC 9110 §13: 412 for a failed write precondition, 304 with the ETag for a cached read, If-Match evaluated first.</summary>
public abstract partial class ManagementApiContract
{
    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Put_with_an_if_match_list_replaces_when_any_tag_is_current(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));
        var current = created.Headers.ETag!.Tag;

        using var replaced = await api.SendAsync(HttpMethod.Put, $"/api/{route}/{id}", SampleFiles.Read(sample), ("If-Match", $"\"not-it\", {current}"));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(current, replaced.Headers.ETag!.Tag);
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Put_with_an_if_match_list_of_stale_tags_is_412(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));

        using var refused = await api.SendAsync(HttpMethod.Put, $"/api/{route}/{id}", SampleFiles.Read(sample), ("If-Match", "\"old-1\", W/\"old-2\""));

        Assert.Equal(["PRECONDITION_FAILED"], (await refused.ProblemAsync(412)).Codes());
        using var fetched = await api.Admin.GetAsync($"/api/{route}/{id}");
        Assert.Equal(created.Headers.ETag, fetched.Headers.ETag);
    }

    [Fact]
    public async Task If_match_star_replaces_an_existing_resource()
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync("/api/events/cart.abandoned", SampleFiles.Read("events/cart.abandoned.json"));

        using var replaced = await api.PutAsync("/api/events/cart.abandoned", SampleFiles.Read("events/cart.abandoned.json"), ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Delete_with_an_if_match_list_is_412_on_a_miss_and_204_on_a_hit(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));

        using var miss = await api.SendAsync(HttpMethod.Delete, $"/api/{route}/{id}", null, ("If-Match", "\"a\", \"b\""));
        await miss.ProblemAsync(412);
        using var hit = await api.SendAsync(HttpMethod.Delete, $"/api/{route}/{id}", null, ("If-Match", $"\"a\", {created.Headers.ETag!.Tag}"));
        Assert.Equal(HttpStatusCode.NoContent, hit.StatusCode);
    }

    [Fact]
    public async Task If_none_match_star_creates_a_journey_then_refuses_to_overwrite_it_with_412()
    {
        await using var api = await StartAsync();
        var body = SampleFiles.Read("journeys/abandoned-cart.json");

        using var created = await api.SendAsync(HttpMethod.Put, "/api/journeys/abandoned-cart", body, ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var conflict = await api.SendAsync(HttpMethod.Put, "/api/journeys/abandoned-cart", body, ("If-None-Match", "*"));
        Assert.Equal(["PRECONDITION_FAILED"], (await conflict.ProblemAsync(412)).Codes());
        using var fetched = await api.Admin.GetAsync("/api/journeys/abandoned-cart");
        Assert.Equal(created.Headers.ETag, fetched.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task If_none_match_star_creates_a_resource_only_once(string route, string id, string sample)
    {
        await using var api = await StartAsync();

        using var created = await api.SendAsync(HttpMethod.Put, $"/api/{route}/{id}", SampleFiles.Read(sample), ("If-None-Match", "*"));
        using var conflict = await api.SendAsync(HttpMethod.Put, $"/api/{route}/{id}", SampleFiles.Read(sample), ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await conflict.ProblemAsync(412);
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Get_with_if_none_match_on_the_current_etag_is_304_with_the_etag_and_no_body(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));
        var etag = created.Headers.ETag!;

        using var notModified = await api.SendAsync(HttpMethod.Get, $"/api/{route}/{id}", null, ("If-None-Match", $"\"older\", {etag.Tag}"));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_with_if_none_match_on_another_etag_is_200_with_the_body()
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync("/api/actions/send-email", SampleFiles.Read("actions/send-email.json"));

        using var fetched = await api.SendAsync(HttpMethod.Get, "/api/actions/send-email", null, ("If-None-Match", "\"older\""));

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(created.Headers.ETag, fetched.Headers.ETag);
        Assert.True(Responses.SameJson(SampleFiles.Read("actions/send-email.json"), await fetched.JsonAsync()));
    }

    [Fact]
    public async Task Get_of_a_journey_is_304_on_its_draft_etag_and_200_after_the_draft_changes()
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        var first = created.Headers.ETag!.Tag;

        using var cached = await api.SendAsync(HttpMethod.Get, "/api/journeys/abandoned-cart", null, ("If-None-Match", first));
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Equal(first, cached.Headers.ETag!.Tag);

        using var changed = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var fresh = await api.SendAsync(HttpMethod.Get, "/api/journeys/abandoned-cart", null, ("If-None-Match", first));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(changed.Headers.ETag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task Get_with_a_stale_if_match_is_412_even_when_if_none_match_would_be_304()
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync("/api/events/cart.abandoned", SampleFiles.Read("events/cart.abandoned.json"));
        var current = created.Headers.ETag!.Tag;

        using var stale = await api.SendAsync(HttpMethod.Get, "/api/events/cart.abandoned", null, ("If-Match", "\"stale\""), ("If-None-Match", current));
        await stale.ProblemAsync(412);

        using var both = await api.SendAsync(HttpMethod.Get, "/api/events/cart.abandoned", null, ("If-Match", current), ("If-None-Match", current));
        Assert.Equal(HttpStatusCode.NotModified, both.StatusCode);
    }

    [Fact]
    public async Task Put_with_a_current_if_match_and_if_none_match_star_is_412()
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));

        using var refused = await api.SendAsync(HttpMethod.Put, "/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"),
            ("If-Match", created.Headers.ETag!.Tag), ("If-None-Match", "*"));

        await refused.ProblemAsync(412);
    }

    [Fact]
    public async Task Get_of_a_missing_resource_is_404_whatever_the_preconditions()
    {
        await using var api = await StartAsync();
        using var missing = await api.SendAsync(HttpMethod.Get, "/api/events/nope", null, ("If-None-Match", "*"));
        Assert.Equal(["NOT_FOUND"], (await missing.ProblemAsync(404)).Codes());
    }

    [Theory]
    [InlineData("If-Match", "abc")]
    [InlineData("If-Match", "\"a\" \"b\"")]
    [InlineData("If-Match", "*, \"a\"")]
    [InlineData("If-None-Match", "\"unterminated")]
    [InlineData("If-None-Match", "a, b, c")]
    public async Task A_malformed_conditional_header_on_put_is_400_and_nothing_is_written(string header, string value)
    {
        await using var api = await StartAsync();

        using var response = await api.SendAsync(HttpMethod.Put, "/api/events/cart.abandoned", SampleFiles.Read("events/cart.abandoned.json"), (header, value));

        var problem = await response.ProblemAsync(400);
        Assert.Equal(["CONDITIONAL_HEADER_INVALID"], problem.Codes());
        Assert.Equal(["$"], problem.Paths());
        using var missing = await api.Admin.GetAsync("/api/events/cart.abandoned");
        await missing.ProblemAsync(404);
    }

    [Theory]
    [InlineData("GET", "/api/datasources/loyalty")]
    [InlineData("DELETE", "/api/datasources/loyalty")]
    [InlineData("GET", "/api/journeys/abandoned-cart")]
    [InlineData("PUT", "/api/journeys/abandoned-cart")]
    [InlineData("POST", "/api/journeys/abandoned-cart/publish")]
    public async Task A_malformed_if_match_is_400_on_every_conditional_route(string method, string path)
    {
        await using var api = await StartAsync();
        var body = method == "PUT" ? SampleFiles.Read("journeys/abandoned-cart.json") : null;

        using var response = await api.SendAsync(new HttpMethod(method), path, body, ("If-Match", "no-quotes"));

        Assert.Equal(["CONDITIONAL_HEADER_INVALID"], (await response.ProblemAsync(400)).Codes());
    }

    // Expected: RFC 9110 §8.8.3 — an entity-tag is quoted, so the bare current ETag is no precondition at all; it is
    // refused (400) rather than read leniently as that ETag, which would let the delete or the draft write through.
    [Fact]
    public async Task The_bare_current_etag_as_if_match_is_400_and_neither_deletes_nor_writes()
    {
        await using var api = await StartAsync();
        using var source = await api.PutAsync("/api/datasources/loyalty", SampleFiles.Read("datasources/loyalty.json"));
        using var journey = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        var sourceTag = source.Headers.ETag!.Tag.Trim('"');
        var draftTag = journey.Headers.ETag!.Tag.Trim('"');

        using var delete = await api.SendAsync(HttpMethod.Delete, "/api/datasources/loyalty", null, ("If-Match", sourceTag));
        using var put = await api.SendAsync(HttpMethod.Put, "/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"), ("If-Match", draftTag));

        Assert.Equal(["CONDITIONAL_HEADER_INVALID"], (await delete.ProblemAsync(400)).Codes());
        Assert.Equal(["CONDITIONAL_HEADER_INVALID"], (await put.ProblemAsync(400)).Codes());
        using var stillThere = await api.Admin.GetAsync("/api/datasources/loyalty");
        Assert.Equal(source.Headers.ETag, stillThere.Headers.ETag);
        using var sameDraft = await api.Admin.GetAsync("/api/journeys/abandoned-cart");
        Assert.Equal(journey.Headers.ETag, sameDraft.Headers.ETag);
    }

    [Fact]
    public async Task Delete_with_if_none_match_star_on_an_existing_resource_is_412()
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync("/api/datasources/loyalty", SampleFiles.Read("datasources/loyalty.json"));

        using var refused = await api.SendAsync(HttpMethod.Delete, "/api/datasources/loyalty", null, ("If-None-Match", "*"));

        await refused.ProblemAsync(412);
    }
}
