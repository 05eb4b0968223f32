using Journeys.Core.Execution;
using Journeys.Runtime.Simulation;

using Journeys.TestSupport.Simulation;

namespace Journeys.Runtime.Tests.Simulation;

/// <summary>How the simulator stubs the outside world: caps, timeouts, missing stubs, masking, bounds, determinism.</summary>
public sealed class JourneySimulatorTests
{
    private static string Cart(string id, string profile, string cart) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{profile}}", "email": "{{profile}}@x.io" }, "cart": { "id": "{{cart}}", "total": 10 } }""";

    [Fact]
    public async Task The_same_scenario_gives_the_same_bytes()
    {
        const string scenario = """
            { "events": [ { "at": "PT0S", "event": { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 10 } } },
                          { "at": "PT5M", "event": { "id": "e2", "type": "cart.abandoned", "customer": { "id": "p2", "email": "b@x.io" }, "cart": { "id": "k2", "total": 10 } } } ],
              "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } },
              "actions": { "send-email": [ { "status": 502 }, { "status": 200, "body": { "messageId": "x" } } ] } }
            """;

        var first = JourneySimulator.Serialize(await SimulationFixture.RunAsync("abandoned-cart", scenario));
        var second = JourneySimulator.Serialize(await SimulationFixture.RunAsync("abandoned-cart", scenario));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Calls_beyond_cap_per_minute_are_capped_without_a_request_and_the_next_minute_is_free()
    {
        var bundle = SimulationFixture.Samples(("actions/send-email.json", """
            { "method": "POST", "url": "https://mailer.example.com/send", "params": { "email": "string", "total": "number" },
              "body": { "to": "{{params.email}}" }, "capPerMinute": 1, "maxRetries": 0 }
            """));
        var scenario = $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} }, { "at": "PT0S", "event": {{Cart("e2", "p2", "k2")}} },
                          { "at": "PT2M", "event": {{Cart("e3", "p3", "k3")}} } ],
              "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } }, "actions": { "send-email": { "status": 200 } } }
            """;

        var result = await SimulationFixture.RunAsync("abandoned-cart", scenario, bundle);

        var byProfile = result.Instances.ToDictionary(i => i.ProfileId);
        Assert.Single(byProfile["p1"].Calls);
        Assert.Empty(byProfile["p2"].Calls);
        Assert.Contains(byProfile["p2"].Steps, s => s.Kind == StepEventKind.ActionResult && s.Outcome == "capped");
        Assert.Single(byProfile["p3"].Calls);
    }

    [Fact]
    public async Task An_answer_slower_than_the_timeout_times_out_each_attempt_in_virtual_time()
    {
        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "start": "2026-01-05T09:00:00Z", "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} } ],
              "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } }, "actions": { "send-email": { "status": 200, "delayMs": 60000 } } }
            """);

        var instance = Assert.Single(result.Instances);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], instance.Path);
        Assert.Equal(4, instance.Calls.Count); // maxRetries 3
        Assert.All(instance.Calls, call => Assert.True(call.Response.TimedOut));

        // 10 s per attempt (timeoutMs) and backoffs of 0.2, 0.4, 0.8 s between them.
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 10, 200, TimeSpan.Zero), instance.Calls[1].At);
        Assert.Contains(instance.Steps, s => s.Kind == StepEventKind.ActionResult && s.Outcome == "timedout" && s.LatencyMs == 41_400);
    }

    [Fact]
    public async Task Missing_stubs_are_error_steps_naming_what_is_missing()
    {
        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} } ] }
            """);

        var instance = Assert.Single(result.Instances);
        Assert.Equal(InstanceStatus.Errored, instance.Status);
        var fetch = Assert.Single(instance.Steps, s => s.Kind == StepEventKind.DataFetched);
        Assert.Contains("SIMULATION_STUB_MISSING", fetch.Message, StringComparison.Ordinal);
        Assert.Contains("loyalty.tier", fetch.Message, StringComparison.Ordinal);
        Assert.Empty(instance.Calls);
    }

    [Fact]
    public async Task A_missing_action_stub_is_a_failed_call_recorded_once()
    {
        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} } ], "data": { "loyalty.tier": { "*": { "tier": "silver", "points": 1 } } } }
            """);

        var instance = Assert.Single(result.Instances);
        Assert.Equal(InstanceStatus.Errored, instance.Status);
        var call = Assert.Single(instance.Calls);
        Assert.StartsWith("SIMULATION_STUB_MISSING", call.Response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_key_in_the_query_is_masked_in_the_recorded_url()
    {
        var bundle = SimulationFixture.Samples(("actions/send-email.json", """
            { "method": "GET", "url": "https://mailer.example.com/send?to={{params.email}}", "params": { "email": "string", "total": "number" },
              "auth": { "type": "apiKey", "query": "key", "secretSetting": "MAILER_KEY" } }
            """));

        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} } ],
              "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } }, "actions": { "send-email": { "status": 200 } } }
            """, bundle);

        var call = Assert.Single(Assert.Single(result.Instances).Calls);
        Assert.Equal("https://mailer.example.com/send?to=p1%40x.io&key=***", call.Request.Url);
        Assert.DoesNotContain("Authorization", call.Request.Headers.Keys);
    }

    [Fact]
    public async Task Until_bounds_virtual_time_and_leaves_later_work_undone()
    {
        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} } ], "until": "PT59M",
              "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } }, "actions": { "send-email": { "status": 200 } } }
            """);

        var instance = Assert.Single(result.Instances);
        Assert.Equal(InstanceStatus.Active, instance.Status);
        Assert.Equal(["await-order"], instance.Path);
        Assert.Equal(1, result.Report.Nodes["await-order"].Waiting);
    }

    [Fact]
    public async Task The_step_limit_stops_the_run_with_its_code()
    {
        var exception = await Assert.ThrowsAsync<SimulationLimitException>(() => SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} }, { "at": "PT0S", "event": {{Cart("e2", "p2", "k2")}} } ] }
            """, limits: new SimulationLimits { MaxSteps = 1 }));

        Assert.Equal(SimulationErrorCodes.TooManySteps, exception.Code);
    }

    [Fact]
    public async Task An_empty_value_as_a_whole_url_path_segment_is_refused_in_simulation_as_on_the_hosts()
    {
        var bundle = SimulationFixture.Samples(
            ("actions/send-email.json", """
                { "method": "POST", "url": "https://mailer.example.com/send/{{params.email}}", "params": { "email": "string", "total": "number" }, "maxRetries": 0 }
                """));
        var withoutEmail = """{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1" }, "cart": { "id": "k1", "total": 10 } }""";

        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{withoutEmail}} } ], "data": { "loyalty.tier": { "*": { "tier": "silver", "points": 1 } } },
              "actions": { "send-email": { "status": 200 } } }
            """, bundle);

        var instance = Assert.Single(result.Instances);
        Assert.Empty(instance.Calls);
        var call = Assert.Single(instance.Steps, s => s.Kind == StepEventKind.ActionResult);
        Assert.Equal("CONNECTOR_URL_PATH_SEGMENT", call.Code);
        Assert.Contains("'params.email' is empty", call.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_value_as_a_whole_data_source_path_segment_errors_the_instance_in_simulation()
    {
        var bundle = SimulationFixture.Samples(
            ("datasources/loyalty.json", """
                { "baseUrl": "https://loyalty.example.com",
                  "fieldGroups": { "tier": { "method": "GET", "path": "/members/{profile.id}/{entry.cart.coupon}", "fields": { "tier": "string", "points": "number" } } } }
                """));

        var result = await SimulationFixture.RunAsync("abandoned-cart", $$"""
            { "events": [ { "at": "PT0S", "event": {{Cart("e1", "p1", "k1")}} } ], "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } },
              "actions": { "send-email": { "status": 200 } } }
            """, bundle);

        var instance = Assert.Single(result.Instances);
        Assert.Equal(InstanceStatus.Errored, instance.Status);
        var error = Assert.Single(instance.Steps, s => s.Kind == StepEventKind.Error);
        Assert.Equal("CONNECTOR_URL_PATH_SEGMENT", error.Code);
        Assert.Contains("'entry.cart.coupon' is empty", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(instance.Steps, s => s.Kind == StepEventKind.DataFetched);
    }
}
