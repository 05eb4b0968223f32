using System.Net;

namespace Journeys.TestSupport.Api;

/// <summary>The routes that reach the host's runtime (ingest, report, instance, stop), on its real engine.</summary>
public abstract partial class ManagementApiContract
{
    private const string CartEvent = """
        { "id": "e1", "type": "cart.abandoned", "customer": { "id": "c1", "email": "c1@example.com" }, "cart": { "id": "k1", "total": 80 } }
        """;

    [Fact]
    public async Task Ingest_enters_the_live_journey_and_answers_a_redelivery_as_a_duplicate()
    {
        await using var api = await StartAsync();
        await PublishAbandonedCartAsync(api);

        using var first = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json(CartEvent));
        using var again = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json($"[ {CartEvent} ]"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(Responses.SameJson("""
            { "results": [ { "eventKey": "e1", "matched": ["cart.abandoned"], "entered": ["abandoned-cart"], "resumed": [], "discarded": [], "error": null } ] }
            """, await first.JsonAsync()), await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(Responses.SameJson("""
            { "results": [ { "eventKey": "e1", "matched": ["cart.abandoned"], "entered": [], "resumed": [], "discarded": [ { "reason": "duplicate", "event": "cart.abandoned", "message": "event key 'e1' was already ingested" } ], "error": null } ] }
            """, await again.JsonAsync()), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_no_definition_matches_keeps_its_id_as_key_and_matches_nothing()
    {
        await using var api = await StartAsync();
        await PublishAbandonedCartAsync(api);

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json("""{ "id": "x1", "type": "page.viewed", "customer": { "id": "c1" } }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Responses.SameJson("""
            { "results": [ { "eventKey": "x1", "matched": [], "entered": [], "resumed": [], "discarded": [], "error": null } ] }
            """, await response.JsonAsync()), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stopping_a_journey_with_a_waiting_instance_ends_its_version()
    {
        await using var api = await StartAsync();
        await PublishAbandonedCartAsync(api);
        using var entered = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json(CartEvent));
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);

        using var stop = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/stop");

        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.True(Responses.SameJson("""{ "id": "abandoned-cart", "status": "stopped", "liveVersion": null, "endedVersions": [1] }""", await stop.JsonAsync()));
    }

    [Fact]
    public async Task The_report_of_a_journey_nobody_entered_has_its_live_version_with_zero_counts()
    {
        await using var api = await StartAsync();
        await PublishAbandonedCartAsync(api);

        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal("abandoned-cart", (string)report["journey"]!);
        var version = Assert.Single(report["versions"]!.AsArray())!;
        Assert.Equal(1, (int)version["version"]!);
        Assert.Equal("live", (string)version["status"]!);
        foreach (var count in new[] { "entered", "active", "completed", "errored", "stopped", "timedOut" })
        {
            Assert.Equal(0, (long)version[count]!);
        }
    }

    [Fact]
    public async Task The_report_of_an_unknown_journey_is_404()
    {
        await using var api = await StartAsync();
        using var response = await api.Admin.GetAsync("/api/journeys/nope/report");
        Assert.Equal(["NOT_FOUND"], (await response.ProblemAsync(404)).Codes());
    }

    [Fact]
    public async Task The_instance_of_a_profile_that_never_entered_is_404()
    {
        await using var api = await StartAsync();
        await PublishAbandonedCartAsync(api);
        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/instances/c9");
        Assert.Equal(["NOT_FOUND"], (await response.ProblemAsync(404)).Codes());
    }

    [Theory]
    [InlineData("/api/journeys/bad%20id/report", "ID_INVALID")]
    [InlineData("/api/journeys/bad%20id/instances/c1", "ID_INVALID")]
    [InlineData("/api/journeys/abandoned-cart/instances/{longer than any profile id}", "PROFILE_ID_INVALID")]
    public async Task Report_and_instance_refuse_ids_they_cannot_hold_with_400(string path, string code)
    {
        await using var api = await StartAsync();
        using var response = await api.Admin.GetAsync(path.Replace("{longer than any profile id}", new string('p', MaxProfileIdLength + 1), StringComparison.Ordinal));
        Assert.Equal([code], (await response.ProblemAsync(400)).Codes());
    }

    private const int MaxProfileIdLength = Journeys.Api.Endpoints.ReportEndpoints.MaxProfileIdLength;
}
