using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class WaitForEventTests
{
    private const string Order = """{ "id": "o1", "type": "order.placed", "customer": { "id": "p1" }, "cart": { "id": "c1" }, "order": { "total": 80 } }""";
    private const string OtherOrder = """{ "id": "o2", "type": "order.placed", "customer": { "id": "p1" }, "cart": { "id": "c9" }, "order": { "total": 5 } }""";

    private static CompiledJourney Journey(string extra = "\"timeout\": \"PT1H\", \"timeoutNext\": \"late\",", string correlate = "\"correlate\": \"event.cart.id == entry.cart.id\",") => Compile($$"""
        { "entry": "cart.abandoned", "start": "await",
          "nodes": {
            "await": { "type": "waitForEvent", "event": "order.placed", {{correlate}} {{extra}} "next": "check" },
            "check": { "type": "condition", "branches": [ { "when": "events.await.order.total >= 50", "next": "big" } ], "otherwise": "small" },
            "big": { "type": "end" }, "small": { "type": "end" }, "late": { "type": "end" } } }
        """);

    [Fact]
    public void Waiting_asks_for_the_event_with_the_node_timeout()
    {
        var driver = new InstanceDriver(Journey());

        var started = driver.Start();

        Assert.Equal(new WaitForEventCommand("await", "order.placed", T0.AddHours(1)), started.Command);
        Assert.Equal(WaitKind.Event, driver.State!.Waiting);
        Assert.Equal(T0.AddHours(1), driver.State.WakeAt);
    }

    [Fact]
    public void A_correlating_event_is_kept_as_events_node_and_the_instance_goes_next()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();

        var received = driver.Send(new EventReceivedInput("order.placed", Json(Order)), T0.AddMinutes(5));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), received.Command);
        Assert.Equal(
            ["Resumed await event", "Exited await next->check", "Entered check", "Exited check 0->big", "Entered big", "Exited big", "Ended big completed"],
            received.Events.Select(Describe));
        Assert.Equal("o1", driver.State!.ReceivedEvents!.Value.GetProperty("await").GetProperty("id").GetString());
    }

    [Fact]
    public void A_non_correlating_event_changes_nothing()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();
        var before = driver.State;

        var received = driver.Send(new EventReceivedInput("order.placed", Json(OtherOrder)), T0.AddMinutes(5));

        Assert.False(received.StateChanged);
        Assert.Same(before, received.NewState);
        Assert.Equal(JourneyCommand.None, received.Command);
        Assert.Empty(received.Events);
    }

    [Fact]
    public void An_event_of_another_kind_is_ignored()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();

        var received = driver.Send(new EventReceivedInput("cart.abandoned", Json(Order)), T0.AddMinutes(5));

        Assert.False(received.StateChanged);
    }

    [Fact]
    public void Without_correlate_any_event_of_the_kind_moves_on()
    {
        var driver = new InstanceDriver(Journey(correlate: string.Empty));
        driver.Start();

        var received = driver.Send(new EventReceivedInput("order.placed", Json(OtherOrder)), T0.AddMinutes(5));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), received.Command);
        Assert.Equal("small", driver.State!.Node);
    }

    [Fact]
    public void The_timeout_timer_takes_the_timeout_branch()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();

        var fired = driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), fired.Command);
        Assert.Equal(["Resumed await timeout", "Exited await timeout->late", "Entered late", "Exited late", "Ended late completed"], fired.Events.Select(Describe));
    }

    [Fact]
    public void An_event_arriving_after_the_timeout_takes_the_timeout_branch_and_is_not_kept()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();

        driver.Send(new EventReceivedInput("order.placed", Json(Order)), T0.AddHours(2));

        Assert.Equal("late", driver.State!.Node);
        Assert.Null(driver.State.ReceivedEvents);
    }

    [Fact]
    public void Without_a_timeout_the_wait_lasts_until_the_journey_deadline()
    {
        var driver = new InstanceDriver(Journey(extra: string.Empty));

        var started = driver.Start();

        Assert.Equal(new WaitForEventCommand("await", "order.placed", T0.AddDays(91)), started.Command);
        var fired = driver.Send(new TimerFiredInput(T0.AddDays(91)), T0.AddDays(91));
        Assert.Equal(new CompleteCommand(InstanceStatus.TimedOut), fired.Command);
    }

    [Fact]
    public void A_timeout_without_timeout_next_completes_the_instance()
    {
        var driver = new InstanceDriver(Journey(extra: "\"timeout\": \"PT1H\","));
        driver.Start();

        var fired = driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), fired.Command);
        Assert.Equal(["Resumed await timeout", "Exited await timeout->", "Ended await completed"], fired.Events.Select(Describe));
    }

    [Fact]
    public void A_runtime_error_in_correlate_ends_the_instance_errored()
    {
        var driver = new InstanceDriver(Journey(correlate: "\"correlate\": \"date(event.id) > now()\","));
        driver.Start();

        var received = driver.Send(new EventReceivedInput("order.placed", Json(Order)), T0.AddMinutes(5));

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), received.Command);
        var error = Assert.Single(received.Events, e => e.Kind == StepEventKind.Error);
        Assert.StartsWith("EXPR_", error.Code, StringComparison.Ordinal);
        Assert.Equal(["Resumed await error", "Exited await", "Ended await errored"], received.Events.Where(e => e.Kind != StepEventKind.Error).Select(Describe));
    }
}
