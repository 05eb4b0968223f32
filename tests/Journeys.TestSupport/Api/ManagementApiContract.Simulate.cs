using System.Net;
using System.Text.Json.Nodes;

namespace Journeys.TestSupport.Api;

/// <summary>POST /api/journeys/{id}/simulate: the draft or a version in virtual time, touching no live state; scenario problems and limits.</summary>
public abstract partial class ManagementApiContract
{
    private const string SpecScenario = """
        {
          "start": "2026-01-05T09:00:00Z",
          "events": [
            { "at": "PT0S",  "event": { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 120 } } },
            { "at": "PT0S",  "event": { "id": "e9", "type": "cart.abandoned", "customer": { "id": "p2", "email": "b@x.io" }, "cart": { "id": "k2", "total": 120 } } },
            { "at": "PT20M", "event": { "id": "e2", "type": "order.placed", "customer": { "id": "p1" }, "cart": { "id": "k1" }, "order": { "id": "o1" } } },
            { "at": "PT30M", "event": { "id": "e2", "type": "order.placed", "customer": { "id": "p1" }, "cart": { "id": "k1" }, "order": { "id": "o1" } } }
          ],
          "data":    { "loyalty.tier": { "p2": { "tier": "gold", "points": 10 }, "*": { "tier": "silver", "points": 0 } } },
          "actions": { "send-email": [ { "status": 500 }, { "status": 200, "body": { "messageId": "m1" } } ] },
          "until": "P30D"
        }
        """;

    [Fact]
    public async Task The_draft_runs_in_virtual_time_with_rendered_masked_calls_and_the_same_bytes_twice()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartDraftAsync(api);

        using var first = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", SpecScenario);
        using var second = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", SpecScenario);

        var firstBody = await first.Content.ReadAsByteArrayAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(firstBody));
        Assert.Equal(firstBody, await second.Content.ReadAsByteArrayAsync());
        var result = JsonNode.Parse(firstBody)!;
        Assert.Equal(1, (int)result["version"]!);
        var instances = result["instances"]!.AsArray();
        Assert.Equal(2, instances.Count);

        var p1 = instances.Single(i => (string)i!["profileId"]! == "p1")!;
        Assert.Equal("completed", (string)p1["status"]!);
        Assert.True(Responses.SameJson("""["await-order", "done"]""", p1["path"]));
        Assert.Empty(p1["calls"]!.AsArray());
        Assert.Contains(p1["steps"]!.AsArray(), s => (string)s!["kind"]! == "resumed");

        var p2 = instances.Single(i => (string)i!["profileId"]! == "p2")!;
        Assert.Equal("completed", (string)p2["status"]!);
        Assert.True(Responses.SameJson("""["await-order", "tier-check", "vip-email", "done"]""", p2["path"]));
        var calls = p2["calls"]!.AsArray();
        Assert.Equal(2, calls.Count);
        var call = calls[0]!;
        Assert.Equal("vip-email", (string)call["node"]!);
        Assert.Equal("send-email", (string)call["action"]!);
        Assert.Equal(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)call["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        var request = call["request"]!;
        Assert.Equal("POST", (string)request["method"]!);
        Assert.Equal("https://mailer.example.com/send", (string)request["url"]!);
        Assert.Equal("Bearer ***", (string)request["headers"]!["Authorization"]!);
        Assert.Equal("cart", (string)request["headers"]!["x-campaign"]!);
        Assert.Equal("sim-00000002:vip-email:1", (string)request["headers"]!["Idempotency-Key"]!);
        Assert.True(Responses.SameJson("""{ "to": "b@x.io", "subject": "You left 108 EUR behind" }""", request["body"]));
        Assert.Equal(500, (int)call["response"]!["status"]!);
        Assert.Equal(200, (int)calls[1]!["response"]!["status"]!);

        var discard = Assert.Single(result["discarded"]!.AsArray())!;
        Assert.Equal("duplicate", (string)discard["reason"]!);
        Assert.Equal(3, (int)discard["eventIndex"]!);
        var report = result["report"]!;
        Assert.Equal(2, (long)report["entered"]!);
        Assert.Equal(2, (long)report["completed"]!);
        Assert.Equal(1, (long)report["nodes"]!["vip-email"]!["entered"]!);
        Assert.Equal(1, (long)report["nodes"]!["await-order"]!["branches"]!["timeout"]!);

        // Nothing was published or started: the journey is still a draft.
        using var journey = await api.Admin.GetAsync("/api/journeys/abandoned-cart");
        Assert.Equal("draft", (string)(await journey.JsonAsync())["status"]!);
    }

    [Fact]
    public async Task A_published_version_is_simulated_with_the_version_query()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartDraftAsync(api);
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        using var published = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate?version=1", SpecScenario);
        using var draft = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", SpecScenario);
        using var missing = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate?version=7", SpecScenario);
        using var bad = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate?version=x", SpecScenario);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(1, (int)(await published.JsonAsync())["version"]!);
        Assert.Equal(2, (int)(await draft.JsonAsync())["version"]!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("SIMULATION_VERSION_INVALID", (await bad.ProblemAsync(400)).Codes());
    }

    [Fact]
    public async Task A_bad_scenario_is_a_400_naming_every_path_at_fault()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartDraftAsync(api);

        using var response = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", """
            { "start": "monday", "events": [ { "at": "PT-1H", "event": 3 } ], "actions": { "send-email": [ { "status": 99 } ] }, "data": { "loyalty": {} }, "extra": 1 }
            """);

        var problem = await response.ProblemAsync(400);
        var paths = problem.Paths();
        Assert.Contains("$.start", paths);
        Assert.Contains("$.events[0].at", paths);
        Assert.Contains("$.events[0].event", paths);
        Assert.Contains("$.actions['send-email'][0].status", paths);
        Assert.Contains("$.data['loyalty']", paths);
        Assert.Contains("$.extra", paths);
        Assert.All(problem.Codes(), code => Assert.Equal("SCENARIO_INVALID", code));
    }

    [Fact]
    public async Task An_invalid_journey_is_a_409_with_its_validation_problems()
    {
        await using var api = await StartAsync();
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/broken", """
            { "name": "b", "entry": "cart.abandoned", "start": "w", "nodes": { "w": { "type": "wait", "duration": "PT1H", "next": "nowhere" } } }
            """);

        using var response = await api.SendAsync(HttpMethod.Post, "/api/journeys/broken/simulate", "{}");

        var problem = await response.ProblemAsync(409);
        Assert.Contains("NODE_TARGET_UNKNOWN", problem.Codes());
        Assert.Contains("$.nodes.w.next", problem.Paths());
    }

    [Fact]
    public async Task Each_limit_has_its_own_code()
    {
        await using var api = await StartAsync(options => options.SimulationLimits = new Journeys.Runtime.Simulation.SimulationLimits
        {
            MaxEvents = 2,
            MaxSpan = TimeSpan.FromDays(10),
            MaxSteps = 3,
        });
        await DefineAbandonedCartDraftAsync(api);

        using var events = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", SpecScenario);
        using var span = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", """{ "events": [ { "at": "P11D", "event": { "id": "x" } } ] }""");
        using var steps = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/simulate", """
            { "events": [
              { "at": "PT0S", "event": { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 1 } } },
              { "at": "PT0S", "event": { "id": "e2", "type": "cart.abandoned", "customer": { "id": "p2", "email": "a@x.io" }, "cart": { "id": "k1", "total": 1 } } } ],
              "data": { "loyalty.tier": { "*": { "tier": "silver", "points": 0 } } }, "actions": { "send-email": { "status": 200 } } }
            """);

        Assert.Contains("SIMULATION_TOO_MANY_EVENTS", (await events.ProblemAsync(400)).Codes());
        Assert.Contains("SIMULATION_SPAN_TOO_LONG", (await span.ProblemAsync(400)).Codes());
        Assert.Contains("SIMULATION_TOO_MANY_STEPS", (await steps.ProblemAsync(422)).Codes());
    }
}
