using System.Net;

namespace Journeys.TestSupport.Api;

/// <summary>PUT/GET/DELETE and list of event definitions, data sources and custom actions: bodies, ETags, 4xx problems.</summary>
public abstract partial class ManagementApiContract
{
    public static TheoryData<string, string, string> Resources => new()
    {
        { "events", "cart.abandoned", "events/cart.abandoned.json" },
        { "datasources", "loyalty", "datasources/loyalty.json" },
        { "actions", "send-email", "actions/send-email.json" },
    };

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Put_creates_with_201_location_and_quoted_etag_then_get_returns_the_same_body(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        var body = SampleFiles.Read(sample);

        using var created = await api.PutAsync($"/api/{route}/{id}", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/{route}/{id}", created.Headers.Location?.OriginalString);
        var etag = created.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.StartsWith("\"", etag.Tag, StringComparison.Ordinal);
        Assert.True(Responses.SameJson(body, await created.JsonAsync()));

        using var fetched = await api.Admin.GetAsync($"/api/{route}/{id}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(etag, fetched.Headers.ETag);
        Assert.True(Responses.SameJson(body, await fetched.JsonAsync()));
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task List_returns_id_etag_updatedAt_and_body_of_each(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var empty = await api.Admin.GetAsync($"/api/{route}");
        Assert.Equal("[]", (await empty.JsonAsync()).ToJsonString());

        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));
        using var listed = await api.Admin.GetAsync($"/api/{route}");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var item = Assert.Single((await listed.JsonAsync()).AsArray())!;
        Assert.Equal(id, (string)item["id"]!);
        Assert.Equal(created.Headers.ETag!.Tag, $"\"{(string)item["etag"]!}\"");
        Assert.NotNull((string?)item["updatedAt"]);
        Assert.True(Responses.SameJson(SampleFiles.Read(sample), item["body"]));
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Put_replaces_with_200_and_a_new_etag_when_if_match_is_current_and_412_when_stale(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));
        var first = created.Headers.ETag!.Tag;

        using var replaced = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample), ifMatch: first);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Null(replaced.Headers.Location);
        Assert.NotEqual(first, replaced.Headers.ETag!.Tag);

        using var stale = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample), ifMatch: first);
        Assert.Equal(["PRECONDITION_FAILED"], (await stale.ProblemAsync(412)).Codes());
    }

    [Theory]
    [MemberData(nameof(Resources), MemberType = typeof(ManagementApiContract))]
    public async Task Delete_answers_412_on_a_stale_etag_204_on_success_then_404(string route, string id, string sample)
    {
        await using var api = await StartAsync();
        using var created = await api.PutAsync($"/api/{route}/{id}", SampleFiles.Read(sample));

        using var stale = await api.SendAsync(HttpMethod.Delete, $"/api/{route}/{id}", ifMatch: "\"not-the-etag\"");
        await stale.ProblemAsync(412);

        using var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/{route}/{id}", ifMatch: created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var gone = await api.Admin.GetAsync($"/api/{route}/{id}");
        Assert.Equal(["NOT_FOUND"], (await gone.ProblemAsync(404)).Codes());
        using var again = await api.SendAsync(HttpMethod.Delete, $"/api/{route}/{id}");
        await again.ProblemAsync(404);
    }

    [Fact]
    public async Task If_match_star_on_a_missing_resource_is_412()
    {
        await using var api = await StartAsync();
        using var response = await api.PutAsync("/api/events/cart.abandoned", SampleFiles.Read("events/cart.abandoned.json"), ifMatch: "*");
        await response.ProblemAsync(412);
    }

    [Fact]
    public async Task Malformed_json_is_400_json_malformed()
    {
        await using var api = await StartAsync();
        using var response = await api.PutAsync("/api/events/e1", "{ \"match\": ");
        Assert.Equal(["JSON_MALFORMED"], (await response.ProblemAsync(400)).Codes());
    }

    [Fact]
    public async Task Unknown_property_is_400_with_its_json_path()
    {
        await using var api = await StartAsync();
        var body = SampleFiles.Read("events/cart.abandoned.json").Replace("\"eventKey\"", "\"eventKy\"", StringComparison.Ordinal);
        using var response = await api.PutAsync("/api/events/cart.abandoned", body);
        var problem = await response.ProblemAsync(400);
        Assert.Equal(["JSON_UNKNOWN_PROPERTY"], problem.Codes());
        Assert.Equal(["$.eventKy"], problem.Paths());
    }

    [Fact]
    public async Task Wrong_type_is_400_with_its_json_path()
    {
        await using var api = await StartAsync();
        var body = SampleFiles.Read("actions/send-email.json").Replace("\"timeoutMs\": 10000", "\"timeoutMs\": \"ten seconds\"", StringComparison.Ordinal);
        using var response = await api.PutAsync("/api/actions/send-email", body);
        var problem = await response.ProblemAsync(400);
        Assert.Equal(["JSON_INVALID_VALUE"], problem.Codes());
        Assert.Equal(["$.timeoutMs"], problem.Paths());
    }

    [Fact]
    public async Task A_body_that_fails_validation_is_400_with_every_error_code_and_path()
    {
        await using var api = await StartAsync();
        const string body = """
            { "baseUrl": "not a url", "timeoutMs": 5000, "rateLimitPerSecond": 15,
              "fieldGroups": { "tier": { "method": "GET", "path": "/members/{profile.id}", "cacheSeconds": 300, "fields": { "tier": "string" } } } }
            """;
        using var response = await api.PutAsync("/api/datasources/loyalty", body);
        var problem = await response.ProblemAsync(400);
        Assert.Contains("SOURCE_BASE_URL_INVALID", problem.Codes());
        Assert.Contains("$.baseUrl", problem.Paths());

        using var missing = await api.Admin.GetAsync("/api/datasources/loyalty");
        await missing.ProblemAsync(404);
    }

    [Theory]
    [InlineData("/api/events/bad%20id")]
    [InlineData("/api/datasources/a%2Fb")]
    [InlineData("/api/actions/%C3%A9t%C3%A9")]
    public async Task An_id_outside_the_allowed_characters_is_400_id_invalid(string path)
    {
        await using var api = await StartAsync();
        using var put = await api.PutAsync(path, "{}");
        Assert.Equal(["ID_INVALID"], (await put.ProblemAsync(400)).Codes());
        using var get = await api.Admin.GetAsync(path);
        Assert.Equal(["ID_INVALID"], (await get.ProblemAsync(400)).Codes());
    }

    [Fact]
    public async Task An_id_of_65_characters_is_400()
    {
        await using var api = await StartAsync();
        using var response = await api.Admin.GetAsync("/api/actions/" + new string('a', 65));
        await response.ProblemAsync(400);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_json_is_415(string contentType)
    {
        await using var api = await StartAsync();
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(SampleFiles.Read("events/cart.abandoned.json")));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await api.Admin.PutAsync("/api/events/cart.abandoned", content);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], (await response.ProblemAsync(415)).Codes());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/merge-patch+json")]
    [InlineData("text/json")]
    public async Task Json_media_types_and_a_missing_content_type_are_accepted(string? contentType)
    {
        await using var api = await StartAsync();
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(SampleFiles.Read("events/cart.abandoned.json")));
        if (contentType is not null)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await api.Admin.PutAsync("/api/events/cart.abandoned", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Problems_name_setting_names_only_never_their_values()
    {
        const string secret = ApiUnderTest.MailerToken;
        await using var api = await StartAsync();
        var body = SampleFiles.Read("actions/send-email.json").Replace("\"method\": \"POST\"", "\"method\": \"FETCH\"", StringComparison.Ordinal);
        using var response = await api.PutAsync("/api/actions/send-email", body);
        var text = (await response.ProblemAsync(400)).ToJsonString();
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);

        using var ok = await api.PutAsync("/api/actions/send-email", SampleFiles.Read("actions/send-email.json"));
        var stored = await ok.Content.ReadAsStringAsync();
        Assert.Contains("MAILER_TOKEN", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
    }
}
