using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.TestSupport.Orchestration;
using static Journeys.TestSupport.Orchestration.CartJourney;

namespace Journeys.Runtime.Tests.Orchestration;

/// <summary>The abandoned-cart journey driven through a Durable-like port: every port call, in order.</summary>
public sealed class JourneyOrchestrationLoopTests
{
    [Fact]
    public async Task A_shopper_who_orders_within_the_hour_completes_without_an_email()
    {
        var port = new FakeOrchestrationPort(T0).ThenEvent("order.placed", T0.AddMinutes(20), MatchingOrder);

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "wait until 11:00 or event:order.placed",
                "record resumed await-order event, exited await-order, entered done, exited done, ended done completed",
            ],
            port.Calls);
        Assert.Equal(InstanceStatus.Completed, result.State.Status);
        Assert.False(result.ContinuedAsNew);
        Assert.Null(port.ContinuedWith);
    }

    [Fact]
    public async Task A_gold_member_who_does_not_order_gets_the_vip_email_at_ninety_percent()
    {
        var port = GoldMemberScript(new FakeOrchestrationPort(T0));

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "wait until 11:00 or event:order.placed",
                "record resumed await-order timeout, exited await-order, entered tier-check, waiting tier-check data",
                "fetch loyalty.tier /members/c-42",
                "record resumed tier-check data, dataFetched tier-check loyalty.tier, exited tier-check, entered vip-email, waiting vip-email action",
                "action send-email at vip-email key=j:abandoned-cart:run:vip-email:1 params={\"email\":\"ada@example.com\",\"total\":108.45}",
                "record resumed vip-email action, actionResult vip-email ok, exited vip-email, entered done, exited done, ended done completed",
            ],
            port.Calls);
        Assert.Equal(InstanceStatus.Completed, result.State.Status);
        Assert.Equal(T0.AddHours(1).AddSeconds(2), result.State.EndedAt);
    }

    [Fact]
    public async Task An_order_for_another_cart_leaves_the_instance_waiting_until_the_same_timeout()
    {
        var port = new FakeOrchestrationPort(T0)
            .ThenEvent("order.placed", T0.AddMinutes(10), OtherCartOrder)
            .ThenStop(T0.AddMinutes(30));

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "wait until 11:00 or event:order.placed",
                "wait until 11:00 or event:order.placed",
                "record resumed await-order stopped, exited await-order, ended await-order stopped",
            ],
            port.Calls);
        Assert.Equal(InstanceStatus.Stopped, result.State.Status);
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_began_is_stale_and_ignored()
    {
        // Durable buffers events nobody waited for; this one was raised a minute before the instance started waiting.
        var port = new FakeOrchestrationPort(T0)
            .Then(WaitOutcome.Event(OrchestrationJson.Serialize(new EventEnvelope("order.placed", T0.AddMinutes(-1), Json(MatchingOrder)))), T0)
            .ThenStop(T0.AddMinutes(5));

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(InstanceStatus.Stopped, result.State.Status);
        Assert.Equal(2, port.Calls.Count(c => c.StartsWith("wait", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_stop_while_waiting_ends_the_instance_as_stopped()
    {
        var port = new FakeOrchestrationPort(T0).ThenStop(T0.AddMinutes(5));

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(InstanceStatus.Stopped, result.State.Status);
        Assert.Equal("record resumed await-order stopped, exited await-order, ended await-order stopped", port.Calls[^1]);
    }

    [Fact]
    public async Task A_stop_raised_while_an_action_runs_ends_the_instance_without_applying_the_result()
    {
        var port = GoldMemberScript(new FakeOrchestrationPort(T0) { StopDuringActionCall = true });

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput() with { LogicVersion = OrchestrationLogic.StopWaitedOncePerExecution });

        Assert.Equal(InstanceStatus.Stopped, result.State.Status);
        Assert.Equal("record resumed vip-email stopped, exited vip-email, ended vip-email stopped", port.Calls[^1]);
        Assert.DoesNotContain(port.Records.SelectMany(r => r.Events), e => e.Kind == StepEventKind.ActionResult);
    }

    [Fact]
    public async Task A_version_stopped_before_the_orchestration_ran_ends_the_instance_at_once()
    {
        var port = new FakeOrchestrationPort(T0);

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput(), new OrchestrationOptions { VersionStopped = true });

        Assert.Equal(InstanceStatus.Stopped, result.State.Status);
        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "record resumed await-order stopped, exited await-order, ended await-order stopped",
            ],
            port.Calls);
    }

    [Fact]
    public async Task A_failed_vip_email_takes_the_error_path_to_done()
    {
        var port = new FakeOrchestrationPort(T0)
            .ThenTimer(T0.AddHours(1))
            .ThenData("""{ "tier": "gold" }""", T0.AddHours(1).AddSeconds(1))
            .ThenAction(ActionStatus.Error, 500, T0.AddHours(1).AddSeconds(2));

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(InstanceStatus.Completed, result.State.Status);
        Assert.Contains("actionResult vip-email error", port.Calls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_history_continues_as_new_with_the_state_and_the_next_generation_finishes_the_run()
    {
        var options = new OrchestrationOptions { MaxOperationsPerGeneration = 3 };
        var first = new FakeOrchestrationPort(T0)
            .ThenTimer(T0.AddHours(1))
            .ThenData("""{ "tier": "silver" }""", T0.AddHours(1).AddSeconds(1));

        var firstResult = await JourneyOrchestrationLoop.RunAsync(first, Compiled, NewInput(), options);

        // record, wait, record → 3 operations: the generation ends before fetching the data it now waits on.
        Assert.True(firstResult.ContinuedAsNew);
        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "wait until 11:00 or event:order.placed",
                "record resumed await-order timeout, exited await-order, entered tier-check, waiting tier-check data",
                "continueAsNew generation 1",
            ],
            first.Calls);
        Assert.False(first.PreservedEvents);
        var carried = first.ContinuedWith!;
        Assert.Null(carried.Entry);
        Assert.Equal("tier-check", carried.State!.Node);

        var second = new FakeOrchestrationPort(T0.AddHours(1))
            .ThenData("""{ "tier": "silver" }""", T0.AddHours(1).AddSeconds(1))
            .ThenAction(ActionStatus.Ok, 202, T0.AddHours(1).AddSeconds(2));
        var secondResult = await JourneyOrchestrationLoop.RunAsync(second, Compiled, carried, options);

        Assert.Equal(
            [
                "fetch loyalty.tier /members/c-42",
                "record resumed tier-check data, dataFetched tier-check loyalty.tier, exited tier-check, entered std-email, waiting std-email action",
                "action send-email at std-email key=j:abandoned-cart:run:std-email:1 params={\"email\":\"ada@example.com\",\"total\":120.5}",
                "record resumed std-email action, actionResult std-email ok, exited std-email, entered done, exited done, ended done completed",
            ],
            second.Calls);
        // The instance ended within the budget: an ended instance never continues as new.
        Assert.False(secondResult.ContinuedAsNew);
        Assert.Equal(InstanceStatus.Completed, secondResult.State.Status);
        Assert.Equal(T0, secondResult.State.StartedAt);
    }

    [Fact]
    public async Task Continuing_as_new_while_waiting_for_an_event_keeps_buffered_events()
    {
        var options = new OrchestrationOptions { MaxOperationsPerGeneration = 3 };
        var port = new FakeOrchestrationPort(T0)
            .ThenEvent("order.placed", T0.AddMinutes(1), OtherCartOrder)
            .ThenEvent("order.placed", T0.AddMinutes(2), OtherCartOrder);

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput(), options);

        Assert.True(result.ContinuedAsNew);
        Assert.True(port.PreservedEvents);
        Assert.Equal(T0, port.ContinuedWith!.PendingSince);
        Assert.Equal(WaitKind.Event, port.ContinuedWith.State!.Waiting);
    }

    internal static FakeOrchestrationPort GoldMemberScript(FakeOrchestrationPort port) => port
        .ThenTimer(T0.AddHours(1))
        .ThenData("""{ "tier": "gold" }""", T0.AddHours(1).AddSeconds(1))
        .ThenAction(ActionStatus.Ok, 202, T0.AddHours(1).AddSeconds(2));
}
