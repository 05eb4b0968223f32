using Journeys.Core.Execution;
using Journeys.TestSupport.Connectors;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>Failing endpoints through the whole engine: retries at the server, branches, statuses and counters.</summary>
public sealed class EngineFaultTests
{
    [Fact]
    public async Task A_mailer_failing_with_500_is_retried_then_takes_the_error_path_or_errors_the_instance()
    {
        await using var harness = await EngineHarness.StartAsync(mailer: (_, _) => ScriptedReply.Status(500));
        await harness.PublishAsync("abandoned-cart");

        // c2 is gold (vip-email has errorNext), c1 is silver (std-email has none).
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c2", "cart-1", 100), EngineHarness.CartAbandoned("e2", "c1", "cart-2", 100));
        await harness.WaitUntilIdleAsync();

        // send-email allows 3 retries: 4 attempts per call, every one with the call's single key.
        Assert.Equal(8, harness.Mailer.RequestCount);
        Assert.Equal(2, harness.Mailer.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().Count());
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal((2, 1, 1), (version.Entered, version.Completed, version.Errored));
        Assert.Equal(1, version.Nodes["vip-email"].Branches["error"]);
        Assert.Equal(0, version.Nodes["vip-email"].Errors);
        Assert.Equal(1, version.Nodes["std-email"].Errors);

        var silver = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        Assert.Equal(InstanceStatus.Errored, silver!.Status);
        var result = Assert.Single(silver.Steps, s => s.Kind == StepEventKind.ActionResult);
        Assert.Equal(("error", 500), (result.Outcome, result.StatusCode));
        Assert.Contains(silver.Steps, s => s.Kind == StepEventKind.Error && s.Code == "ACTION_FAILED");
    }

    [Fact]
    public async Task A_mailer_refusing_the_token_with_401_is_not_retried()
    {
        await using var harness = await EngineHarness.StartAsync(mailer: (_, _) => ScriptedReply.Status(401));
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c2", "cart-1", 100));
        await harness.WaitUntilIdleAsync();

        Assert.Equal(1, harness.Mailer.RequestCount);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Nodes["vip-email"].Branches["error"]);
    }

    [Fact]
    public async Task A_mailer_that_fails_twice_then_succeeds_completes_with_one_action_call()
    {
        await using var harness = await EngineHarness.StartAsync(mailer: (_, n) => n <= 2 ? ScriptedReply.Drop : ScriptedReply.Json("""{ "messageId": "m" }"""));
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 100));
        await harness.WaitUntilIdleAsync();

        Assert.Equal(3, harness.Mailer.RequestCount);
        Assert.Single(harness.Mailer.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal((1, 0), (version.Completed, version.Errored));
        Assert.Equal(1, version.Nodes["std-email"].Actions!.Calls);
    }
}
