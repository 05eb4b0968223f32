using Journeys.Core.Execution;
using Journeys.TestSupport.Connectors;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>Durability: an engine abandoned mid-run and restarted on the same file finishes every instance.</summary>
public sealed class EngineRestartTests
{
    [Fact]
    public async Task Calls_abandoned_in_flight_are_redone_after_restart_with_the_same_idempotency_keys()
    {
        var slow = 1;
        await using var harness = await EngineHarness.StartAsync(
            timeScale: 36_000,
            shutdownGrace: TimeSpan.Zero,
            mailer: (_, n) => Volatile.Read(ref slow) == 1
                ? ScriptedReply.Json($$"""{ "messageId": "m-{{n}}" }""") with { Delay = TimeSpan.FromSeconds(5) }
                : ScriptedReply.Json($$"""{ "messageId": "m-{{n}}" }"""));
        await harness.PublishAsync("abandoned-cart");
        const int shoppers = 40;
        await harness.IngestAsync(Enumerable.Range(0, shoppers).Select(i => EngineHarness.CartAbandoned($"e{i}", $"c{i}", $"cart-{i}", 50 + i)).ToArray());
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (harness.Mailer.RequestCount < shoppers)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        await harness.StopEngineAsync();
        var keysBeforeCrash = harness.Mailer.Requests.Select(r => r.Header("Idempotency-Key")!).ToHashSet();
        Volatile.Write(ref slow, 0);
        await harness.OpenAsync();
        await harness.WaitUntilIdleAsync();

        var calls = harness.Mailer.Requests;
        var keys = calls.Select(r => r.Header("Idempotency-Key")!).ToList();
        Assert.Equal(shoppers, keys.Distinct().Count());
        Assert.Equal(2 * shoppers, calls.Count);
        Assert.All(keys, k => Assert.Contains(k, keysBeforeCrash));
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal((shoppers, 0, shoppers), (version.Entered, version.Active, version.Completed));
        Assert.Equal(shoppers, version.Nodes.Values.Sum(n => n.Actions?.Calls ?? 0));
        for (var i = 0; i < shoppers; i++)
        {
            Assert.Equal(InstanceStatus.Completed, (await harness.Engine.GetInstanceAsync("abandoned-cart", $"c{i}"))!.Status);
        }
    }

    [Fact]
    public async Task Timers_that_fall_due_while_the_engine_is_down_fire_after_restart()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80), EngineHarness.CartAbandoned("e2", "c2", "cart-2", 80));
        await harness.StopEngineAsync();

        // Journey time resumes where it stopped; a larger scale makes the one-hour timeout pass quickly after restart.
        var fast = await ReopenWithScaleAsync(harness, 36_000);
        await fast.WaitUntilIdleAsync();

        Assert.Equal(2, harness.Mailer.Requests.Count);
        var version = Assert.Single((await fast.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(2, version.Nodes["await-order"].Branches["timeout"]);
    }

    private static async Task<EngineHarness> ReopenWithScaleAsync(EngineHarness harness, double scale)
    {
        harness.TimeScaleOverride = scale;
        await harness.OpenAsync();
        return harness;
    }
}
