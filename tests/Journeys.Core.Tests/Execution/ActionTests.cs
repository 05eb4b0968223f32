using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class ActionTests
{
    private static CompiledJourney Journey(string errorNext = ", \"errorNext\": \"failed\"") => Compile($$"""
        { "entry": "cart.abandoned", "start": "send",
          "nodes": {
            "send": { "type": "action", "action": "send-email",
                      "params": { "total": "entry.cart.total * 0.9", "email": "entry.customer.email" },
                      "next": "check" {{errorNext}} },
            "check": { "type": "condition",
                       "branches": [ { "when": "actions.send.status == 'ok' && actions.send.body.messageId == 'm-1'", "next": "sent" } ],
                       "otherwise": "odd" },
            "sent": { "type": "end" }, "odd": { "type": "end" }, "failed": { "type": "end" } } }
        """);

    [Fact]
    public void The_call_carries_evaluated_params_in_name_order_and_a_stable_idempotency_key()
    {
        var driver = new InstanceDriver(Journey());

        var started = driver.Start();

        var call = Assert.IsType<CallActionCommand>(started.Command);
        Assert.Equal("send", call.NodeId);
        Assert.Equal("send-email", call.ActionId);
        Assert.Equal("i1:send:1", call.IdempotencyKey);
        Assert.Equal("""{"email":"ann@example.com","total":72}""", call.Params.GetRawText());
        Assert.Equal(WaitKind.Action, driver.State!.Waiting);
    }

    [Fact]
    public void An_ok_result_is_readable_as_actions_node_and_goes_next()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();

        var done = driver.CompleteAction(ActionStatus.Ok, 202, """{ "messageId": "m-1" }""", T0.AddSeconds(1), latencyMs: 123);

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), done.Command);
        Assert.Equal(
            ["Resumed send action", "ActionResult send ok", "Exited send next->check", "Entered check", "Exited check 0->sent", "Entered sent", "Exited sent", "Ended sent completed"],
            done.Events.Select(Describe));
        var result = done.Events.Single(e => e.Kind == StepEventKind.ActionResult);
        Assert.Equal(202, result.StatusCode);
        Assert.Equal(123, result.LatencyMs);
        Assert.Equal("""{"send":{"status":"ok","statusCode":202,"body":{"messageId":"m-1"}}}""", driver.State!.ActionResults!.Value.GetRawText());
    }

    [Theory]
    [InlineData(ActionStatus.Error, 500, "error")]
    [InlineData(ActionStatus.TimedOut, null, "timedout")]
    [InlineData(ActionStatus.Capped, null, "capped")]
    public void Anything_but_ok_takes_error_next(ActionStatus status, int? statusCode, string statusName)
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();

        var done = driver.CompleteAction(status, statusCode, null, T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), done.Command);
        Assert.Contains($"ActionResult send {statusName}", done.Events.Select(Describe));
        Assert.Contains("Exited send error->failed", done.Events.Select(Describe));
        Assert.Equal("failed", driver.State!.Node);
        Assert.Equal(statusName, driver.State.ActionResults!.Value.GetProperty("send").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(ActionStatus.Error)]
    [InlineData(ActionStatus.TimedOut)]
    [InlineData(ActionStatus.Capped)]
    public void Without_error_next_a_failed_action_ends_the_instance_errored(ActionStatus status)
    {
        var driver = new InstanceDriver(Journey(errorNext: string.Empty));
        driver.Start();

        var done = driver.CompleteAction(status, null, null, T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), done.Command);
        Assert.Equal("ACTION_FAILED", Assert.Single(done.Events, e => e.Kind == StepEventKind.Error).Code);
        Assert.Equal(["Exited send", "Ended send errored"], done.Events.TakeLast(2).Select(Describe));
    }

    [Fact]
    public void A_duplicate_or_foreign_result_is_ignored()
    {
        var driver = new InstanceDriver(Journey());
        driver.Start();
        var key = Assert.IsType<CallActionCommand>(driver.LastCommand).IdempotencyKey;

        var foreign = driver.Send(new ActionCompletedInput("i1:other:1", ActionStatus.Ok, 200, null, 1), T0.AddSeconds(1));
        Assert.False(foreign.StateChanged);

        driver.CompleteAction(ActionStatus.Ok, 200, """{ "messageId": "m-1" }""", T0.AddSeconds(2));
        var ended = driver.State;
        var duplicate = driver.Send(new ActionCompletedInput(key, ActionStatus.Error, 500, null, 1), T0.AddSeconds(3));

        Assert.False(duplicate.StateChanged);
        Assert.Same(ended, duplicate.NewState);
        Assert.Equal(JourneyCommand.None, duplicate.Command);
    }

    [Fact]
    public void Resume_while_the_call_is_in_flight_returns_the_same_call()
    {
        var driver = new InstanceDriver(Journey());
        var started = driver.Start();

        var resumed = driver.Send(new ResumeInput(), T0.AddMinutes(1));

        Assert.False(resumed.StateChanged);
        Assert.Same(started.Command, resumed.Command);
    }

    [Fact]
    public void Each_visit_of_an_action_node_gets_its_own_key_and_replays_get_the_same_keys()
    {
        var journey = Compile("""
            { "entry": "cart.abandoned", "start": "send",
              "nodes": {
                "send": { "type": "action", "action": "send-email",
                          "params": { "email": "entry.customer.email", "total": "1" }, "next": "pause" },
                "pause": { "type": "wait", "duration": "P1D", "next": "send" } } }
            """);

        static List<string> Keys(CompiledJourney journey)
        {
            var driver = new InstanceDriver(journey);
            var keys = new List<string>();
            driver.Start(instanceId: "inst-7");
            for (var day = 0; day < 3; day++)
            {
                keys.Add(Assert.IsType<CallActionCommand>(driver.LastCommand).IdempotencyKey);
                driver.CompleteAction(ActionStatus.Ok, 200, "{}", T0.AddDays(day));
                var timer = Assert.IsType<StartTimerCommand>(driver.LastCommand);
                driver.Send(new TimerFiredInput(timer.WakeAt), timer.WakeAt);
            }

            return keys;
        }

        Assert.Equal(["inst-7:send:1", "inst-7:send:2", "inst-7:send:3"], Keys(journey));
        Assert.Equal(Keys(journey), Keys(journey));
    }
}
