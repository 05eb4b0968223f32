using System.Net;
using System.Text.Json.Nodes;
using Journeys.Host.Tests.Api;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.EndToEnd;

/// <summary>Issue 11 item 11, on the real engine: unmatched events are identified and counted; blank profile ids never enter.</summary>
public sealed class IngestOutcomeTests
{
    [Fact]
    public async Task An_unmatched_event_answers_its_id_as_event_key_and_is_counted_in_health()
    {
        await using var api = await StartAsync();
        using var before = await api.Anonymous.GetAsync("/api/health");
        Assert.Equal(0, (long)(await before.JsonAsync())["unmatchedEvents"]!);

        var results = await IngestAsync(api, """[ { "id": "u1", "type": "nobody.listens" }, { "id": "u2", "type": "nobody.listens" }, { "type": "no.id.either" } ]""");

        Assert.Equal("u1", (string?)results[0]!["eventKey"]);
        Assert.Equal("u2", (string?)results[1]!["eventKey"]);
        Assert.Null((string?)results[2]!["eventKey"]);
        Assert.All(results, r => Assert.Empty(r!["matched"]!.AsArray()));
        using var after = await api.Anonymous.GetAsync("/api/health");
        Assert.Equal(3, (long)(await after.JsonAsync())["unmatchedEvents"]!);
    }

    [Theory]
    [InlineData("\"   \"")]
    [InlineData("\"\\t\"")]
    public async Task A_blank_profile_id_is_a_reasoned_discard_and_enters_nothing(string blankJson)
    {
        await using var api = await StartAsync();
        await ManagementApiContract.DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        var results = await IngestAsync(api, $$"""{ "id": "b1", "type": "cart.abandoned", "customer": { "id": {{blankJson}}, "email": "x@example.com" }, "cart": { "id": "k1", "total": 10 } }""");

        var result = results[0]!;
        Assert.Empty(result["entered"]!.AsArray());
        var discard = Assert.Single(result["discarded"]!.AsArray())!;
        Assert.Equal("invalidEvent", (string)discard["reason"]!);
        Assert.Contains("profileId is blank", (string)discard["message"]!, StringComparison.Ordinal);
    }

    private static Task<ApiHost> StartAsync() =>
        ApiHost.StartAsync(mockRuntime: false);

    private static async Task<JsonArray> IngestAsync(ApiHost api, string body)
    {
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())["results"]!.AsArray();
    }
}
