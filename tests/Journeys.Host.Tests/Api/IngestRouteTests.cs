using System.Net;
using System.Text.Json;
using Journeys.Core.Routing;
using Journeys.Host.Tests.Support;
using Journeys.Runtime.Ingestion;
using Moq;

namespace Journeys.Host.Tests.Api;

/// <summary>POST /api/ingest: one event or an array, forwarded to the runtime in one batch, results in order.</summary>
public sealed class IngestRouteTests
{
    private const string Cart = """{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "c1" }, "cart": { "id": "k1", "total": 80 } }""";

    [Fact]
    public async Task An_array_is_forwarded_in_one_batch_and_the_runtime_results_come_back_in_order()
    {
        await using var api = await ApiHost.StartAsync();
        IReadOnlyList<JsonElement>? received = null;
        api.Runtime!.Setup(r => r.IngestAsync(It.IsAny<IReadOnlyList<JsonElement>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<JsonElement> events, CancellationToken _) => received = events.Select(e => e.Clone()).ToList())
            .ReturnsAsync((IReadOnlyList<JsonElement> events, CancellationToken _) =>
            [
                new IngestResult { EventKey = "e1", Matched = ["cart.abandoned"], Entered = ["abandoned-cart"] },
                new IngestResult { EventKey = "e2", Matched = ["order.placed"], Resumed = ["abandoned-cart"], Discarded = [new IngestDiscard(DiscardReason.Duplicate, Journey: "abandoned-cart")] },
            ]);

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json($$"""[ {{Cart}}, { "id": "e2", "type": "order.placed" } ]"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Responses.SameJson("""
            { "results": [
                { "eventKey": "e1", "matched": ["cart.abandoned"], "entered": ["abandoned-cart"], "resumed": [], "discarded": [], "error": null },
                { "eventKey": "e2", "matched": ["order.placed"], "entered": [], "resumed": ["abandoned-cart"],
                  "discarded": [ { "reason": "duplicate", "journey": "abandoned-cart" } ], "error": null } ] }
            """, await response.JsonAsync()), await response.Content.ReadAsStringAsync());
        Assert.NotNull(received);
        Assert.Equal(["e1", "e2"], received.Select(e => e.GetProperty("id").GetString()));
        api.Runtime.Verify(r => r.IngestAsync(It.IsAny<IReadOnlyList<JsonElement>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Every_result_carries_all_six_contract_fields_even_when_null()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.IngestAsync(It.IsAny<IReadOnlyList<JsonElement>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new IngestResult()]);

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("""{ "type": "unknown" }"""));

        var result = Assert.Single((await response.JsonAsync())["results"]!.AsArray())!.AsObject();
        Assert.Equal(["eventKey", "matched", "entered", "resumed", "discarded", "error"], result.Select(p => p.Key));
        Assert.Null(result["eventKey"]);
        Assert.Null(result["error"]);
    }

    [Fact]
    public async Task One_object_is_one_event_and_the_admin_key_may_ingest()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.IngestAsync(It.Is<IReadOnlyList<JsonElement>>(e => e.Count == 1), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new IngestResult { EventKey = "e1", Matched = ["cart.abandoned"] }]);

        using var response = await api.Admin.PostAsync("/api/ingest", ApiHost.Json(Cart));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single((await response.JsonAsync())["results"]!.AsArray())!;
        Assert.Equal("e1", (string)result["eventKey"]!);
    }

    [Fact]
    public async Task A_non_object_element_gets_an_error_result_and_the_others_are_still_routed()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.IngestAsync(It.Is<IReadOnlyList<JsonElement>>(e => e.Count == 2), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new IngestResult { EventKey = "a" }, new IngestResult { EventKey = "b" }]);

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("""[ { "id": "a" }, 42, { "id": "b" }, "text" ]"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.JsonAsync())["results"]!.AsArray();
        Assert.Equal(4, results.Count);
        Assert.Equal("a", (string)results[0]!["eventKey"]!);
        Assert.Equal("$[1]: an event must be a JSON object, not a number.", (string)results[1]!["error"]!);
        Assert.Equal("b", (string)results[2]!["eventKey"]!);
        Assert.Equal("$[3]: an event must be a JSON object, not a string.", (string)results[3]!["error"]!);
    }

    [Fact]
    public async Task Messages_read_as_written_without_escaped_quotes_like_every_other_answer()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.IngestAsync(It.IsAny<IReadOnlyList<JsonElement>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new IngestResult { EventKey = "e1", Discarded = [new IngestDiscard(DiscardReason.InvalidEvent, Message: "required field 'cart.id' is missing")] }]);

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json(Cart));

        Assert.Contains("\"message\":\"required field 'cart.id' is missing\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_array_returns_no_results_without_calling_the_runtime()
    {
        await using var api = await ApiHost.StartAsync();
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("[]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Responses.SameJson("""{ "results": [] }""", await response.JsonAsync()));
    }

    [Fact]
    public async Task More_events_than_the_limit_is_413_and_nothing_is_routed()
    {
        await using var api = await ApiHost.StartAsync(o => o.Api.MaxEventsPerRequest = 3);
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("[{},{},{},{}]"));
        Assert.Equal(["TOO_MANY_EVENTS"], (await response.ProblemAsync(413)).Codes());
        api.Runtime!.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_engine_that_is_not_running_makes_ingest_503()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.IngestAsync(It.IsAny<IReadOnlyList<System.Text.Json.JsonElement>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Journeys.Runtime.Hosting.EngineUnavailableException("The engine is not running."));
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json(Cart));
        Assert.Equal(["UNAVAILABLE"], (await response.ProblemAsync(503)).Codes());
    }
}
