using Journeys.Core.Execution;
using Journeys.Core.Routing;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>
/// Issue 11 item 1: one bad event never fails the batch it came in. Invalid text (a lone UTF-16 surrogate escape) is
/// refused for that event with a reason and counted; any other failure while applying one event undoes that event
/// only and answers it with an error, while the rest of the batch is applied.
/// </summary>
public sealed class EventIsolationTests
{
    private const string LoneSurrogate = "\\ud800";

    [Theory]
    [InlineData("customer.email")]
    [InlineData("note")]
    public async Task A_lone_surrogate_escape_refuses_that_event_with_a_counted_reason_and_the_others_enter(string where)
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.PublishAsync("abandoned-cart");
        var bad = where == "note"
            ? EngineHarness.CartAbandoned("e2", "c2", "cart-2", 50).TrimEnd('}') + $$""", "note": "x{{LoneSurrogate}}y" }"""
            : EngineHarness.CartAbandoned("e2", "c2", "cart-2", 50).Replace("c2@example.com", "c2" + LoneSurrogate + "@example.com", StringComparison.Ordinal);

        var results = await harness.IngestAsync(
            EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50), bad, EngineHarness.CartAbandoned("e3", "c3", "cart-3", 50));

        Assert.Equal(["abandoned-cart"], results[0].Entered);
        Assert.Equal(["abandoned-cart"], results[2].Entered);
        Assert.Empty(results[1].Entered);
        var discard = Assert.Single(results[1].Discarded);
        Assert.Equal(DiscardReason.InvalidEvent, discard.Reason);
        Assert.Contains("$." + where, discard.Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", discard.Message, StringComparison.Ordinal);
        Assert.Null(await harness.Engine.GetInstanceAsync("abandoned-cart", "c2"));
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(2, version.Entered);
        Assert.Equal(1, version.Discarded["invalidEvent"]);
    }

    [Fact]
    public async Task An_event_whose_application_fails_is_undone_alone_and_answered_with_an_error_while_the_batch_is_applied()
    {
        await using var harness = await EngineHarness.StartAsync(wrapWriter: writer => new FaultyWriter(writer));
        await harness.PublishAsync("abandoned-cart");

        var results = await harness.IngestAsync(
            EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50),
            EngineHarness.CartAbandoned("e2", FaultyWriter.PoisonProfile, "cart-2", 50),
            EngineHarness.CartAbandoned("e3", "c3", "cart-3", 50));

        Assert.Equal(["abandoned-cart"], results[0].Entered);
        Assert.Equal(["abandoned-cart"], results[2].Entered);
        Assert.Empty(results[1].Entered);
        Assert.Contains("injected storage fault", results[1].Error, StringComparison.Ordinal);
        Assert.Null(await harness.Engine.GetInstanceAsync("abandoned-cart", FaultyWriter.PoisonProfile));
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(2, version.Entered);

        // The failed event's key was undone with it: a redelivery is tried again, not refused as a duplicate.
        var again = await harness.IngestAsync(EngineHarness.CartAbandoned("e2", FaultyWriter.PoisonProfile, "cart-2", 50));
        Assert.DoesNotContain(again[0].Discarded, d => d.Reason == DiscardReason.Duplicate);
        Assert.NotNull(again[0].Error);
    }

    [Fact]
    public async Task A_timer_whose_step_fails_ends_its_instance_errored_with_the_reason_and_the_engine_goes_on()
    {
        FaultyWriter? faulty = null;
        await using var harness = await EngineHarness.StartAsync(timeScale: 3_600, wrapWriter: writer => faulty = new FaultyWriter(writer) { Armed = false });
        await harness.PublishAsync("abandoned-cart");

        // Both wait for an order with a one-hour (here one-second) timeout; the poison profile's timer step will throw.
        await harness.IngestAsync(
            EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50), EngineHarness.CartAbandoned("e2", FaultyWriter.PoisonProfile, "cart-2", 50));
        faulty!.Armed = true;
        await harness.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));

        var poisoned = await harness.Engine.GetInstanceAsync("abandoned-cart", FaultyWriter.PoisonProfile);
        Assert.Equal(InstanceStatus.Errored, poisoned!.Status);
        var error = Assert.Single(poisoned.Steps, s => s.Kind == StepEventKind.Error);
        Assert.Equal("ENGINE_FAILURE", error.Code);
        Assert.Contains("injected storage fault", error.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Completed, (await harness.Engine.GetInstanceAsync("abandoned-cart", "c1"))!.Status);
        var later = await harness.IngestAsync(EngineHarness.CartAbandoned("e3", "c3", "cart-3", 50));
        Assert.Equal(["abandoned-cart"], later[0].Entered);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Errored);
    }

    [Fact]
    public async Task A_finished_call_whose_application_fails_ends_its_instance_errored_and_leaves_nothing_queued()
    {
        FaultyWriter? faulty = null;
        await using var harness = await EngineHarness.StartAsync(timeScale: 3_600, wrapWriter: writer => faulty = new FaultyWriter(writer) { Armed = false });
        await harness.PublishAsync("abandoned-cart");

        // Both time out of the order wait after one second, fetch their loyalty tier and go on to the e-mail; applying
        // the poison profile's fetched tier (it moves the instance to the e-mail node) throws.
        await harness.IngestAsync(
            EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50), EngineHarness.CartAbandoned("e2", FaultyWriter.PoisonProfile, "cart-2", 50));
        faulty!.FaultWhen = state => state.Node?.EndsWith("-email", StringComparison.Ordinal) == true;
        faulty.Armed = true;
        await harness.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));

        var poisoned = await harness.Engine.GetInstanceAsync("abandoned-cart", FaultyWriter.PoisonProfile);
        Assert.Equal(InstanceStatus.Errored, poisoned!.Status);
        var error = Assert.Single(poisoned.Steps, s => s.Kind == StepEventKind.Error);
        Assert.Equal("ENGINE_FAILURE", error.Code);
        Assert.Contains("finished call", error.Message, StringComparison.Ordinal);
        Assert.Contains("injected storage fault", error.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Completed, (await harness.Engine.GetInstanceAsync("abandoned-cart", "c1"))!.Status);
        Assert.Equal(1, harness.Mailer.RequestCount);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Errored);

        // Nothing of it stays queued: a restart sends no call again.
        var fetches = harness.Loyalty.RequestCount;
        await harness.StopEngineAsync();
        await harness.OpenAsync();
        await harness.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(fetches, harness.Loyalty.RequestCount);
        Assert.Equal(1, harness.Mailer.RequestCount);
    }
}
