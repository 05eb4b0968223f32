using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class JumpEndStopTimeoutTests
{
    private static readonly CompiledJourney JumpJourney = Compile("""
        { "entry": "cart.abandoned", "start": "go",
          "nodes": { "go": { "type": "jump", "journey": "loyalty-welcome" } } }
        """);

    private static readonly CompiledJourney WaitingJourney = Compile("""
        { "entry": "cart.abandoned", "start": "await", "timeoutSeconds": 3600,
          "nodes": {
            "await": { "type": "waitForEvent", "event": "order.placed", "next": "done" },
            "done": { "type": "end" } } }
        """);

    [Fact]
    public void End_completes_the_instance_at_once()
    {
        var driver = new InstanceDriver(Compile("""{ "entry": "cart.abandoned", "start": "done", "nodes": { "done": { "type": "end" } } }"""));

        var started = driver.Start();

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), started.Command);
        Assert.Equal(["Started done", "Entered done", "Exited done", "Ended done completed"], driver.Trace());
        Assert.Equal(T0, driver.State!.EndedAt);
        Assert.Equal(WaitKind.None, driver.State.Waiting);
    }

    [Fact]
    public void Jump_asks_the_host_to_enter_the_target_with_the_entry_event()
    {
        var driver = new InstanceDriver(JumpJourney);

        var started = driver.Start();

        var jump = Assert.IsType<JumpCommand>(started.Command);
        Assert.Equal("go", jump.NodeId);
        Assert.Equal("loyalty-welcome", jump.TargetJourneyId);
        Assert.Equal("e1", jump.Entry.GetProperty("id").GetString());
        Assert.Equal(WaitKind.Jump, driver.State!.Waiting);
    }

    [Fact]
    public void A_jump_that_entered_completes_the_instance()
    {
        var driver = new InstanceDriver(JumpJourney);
        driver.Start();

        var done = driver.Send(new JumpCompletedInput(JumpOutcome.Entered), T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), done.Command);
        Assert.Equal(["Resumed go jump", "Exited go", "Ended go completed"], done.Events.Select(Describe));
    }

    [Fact]
    public void A_jump_skipped_because_the_profile_is_active_there_is_recorded_and_completes()
    {
        var driver = new InstanceDriver(JumpJourney);
        driver.Start();

        var done = driver.Send(new JumpCompletedInput(JumpOutcome.SkippedAlreadyActive), T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), done.Command);
        Assert.Equal(["Resumed go jump", "JumpSkipped go skippedAlreadyActive", "Exited go", "Ended go completed"], done.Events.Select(Describe));
    }

    [Theory]
    [InlineData(JumpOutcome.SkippedReentryNotAllowed, "skippedReentryNotAllowed", "Journey 'loyalty-welcome' does not allow the profile to enter again.")]
    [InlineData(JumpOutcome.SkippedReentryTooSoon, "skippedReentryTooSoon", "The profile left journey 'loyalty-welcome' too recently to enter it again.")]
    public void A_jump_the_targets_reentry_rules_refuse_is_recorded_with_the_rule_and_completes(JumpOutcome outcome, string recorded, string message)
    {
        var driver = new InstanceDriver(JumpJourney);
        driver.Start();

        var done = driver.Send(new JumpCompletedInput(outcome), T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), done.Command);
        Assert.Equal(["Resumed go jump", $"JumpSkipped go {recorded}", "Exited go", "Ended go completed"], done.Events.Select(Describe));
        Assert.Equal(message, done.Events.Single(e => e.Kind == StepEventKind.JumpSkipped).Message);
    }

    [Fact]
    public void A_jump_to_a_journey_without_live_version_ends_errored()
    {
        var driver = new InstanceDriver(JumpJourney);
        driver.Start();

        var done = driver.Send(new JumpCompletedInput(JumpOutcome.NoLiveVersion), T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), done.Command);
        Assert.Equal(["Resumed go jump", "Error go JUMP_NO_LIVE_VERSION", "Exited go", "Ended go errored"], done.Events.Select(Describe));
    }

    [Fact]
    public void Stop_ends_a_waiting_instance_as_stopped()
    {
        var driver = new InstanceDriver(WaitingJourney);
        driver.Start();

        var stopped = driver.Send(new StopInput(), T0.AddMinutes(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Stopped), stopped.Command);
        Assert.Equal(["Resumed await stopped", "Exited await", "Ended await stopped"], stopped.Events.Select(Describe));
        Assert.Equal(InstanceStatus.Stopped, driver.State!.Status);
        Assert.Null(driver.State.Pending);
        Assert.Null(driver.State.WakeAt);
    }

    [Fact]
    public void Any_input_at_or_after_the_deadline_ends_the_instance_timed_out()
    {
        var driver = new InstanceDriver(WaitingJourney);
        driver.Start();

        var late = driver.Send(new EventReceivedInput("order.placed", Json("""{ "id": "o1" }""")), T0.AddHours(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.TimedOut), late.Command);
        Assert.Equal(["Resumed await timedOut", "Exited await", "Ended await timedOut"], late.Events.Select(Describe));
    }

    [Fact]
    public void Stop_after_the_deadline_still_reports_timed_out()
    {
        var driver = new InstanceDriver(WaitingJourney);
        driver.Start();

        var result = driver.Send(new StopInput(), T0.AddHours(5));

        Assert.Equal(new CompleteCommand(InstanceStatus.TimedOut), result.Command);
    }

    [Fact]
    public void Every_input_to_an_ended_instance_is_ignored()
    {
        var driver = new InstanceDriver(WaitingJourney);
        driver.Start();
        driver.Send(new StopInput(), T0.AddMinutes(1));
        var ended = driver.State!;

        StepInput[] inputs =
        [
            new StopInput(), new ResumeInput(), new TimerFiredInput(T0.AddHours(1)),
            new EventReceivedInput("order.placed", Json("{}")), new JumpCompletedInput(JumpOutcome.Entered),
            new ActionCompletedInput("i1:x:1", ActionStatus.Ok, 200, null, 1), new DataFetchedInput("loyalty", "tier", Json("{}")),
        ];
        foreach (var input in inputs)
        {
            var result = driver.Send(input, T0.AddDays(2));
            Assert.False(result.StateChanged);
            Assert.Same(ended, result.NewState);
            Assert.Equal(JourneyCommand.None, result.Command);
            Assert.Empty(result.Events);
        }
    }

    [Fact]
    public void A_host_mistake_throws_instead_of_corrupting_state()
    {
        var driver = new InstanceDriver(WaitingJourney);
        driver.Start();
        var otherVersion = Compile("""{ "entry": "cart.abandoned", "start": "done", "nodes": { "done": { "type": "end" } } }""", version: 2);

        Assert.Throws<ArgumentException>(() => JourneyStepper.Step(otherVersion, driver.State, new StopInput(), T0));
        Assert.Throws<ArgumentNullException>(() => JourneyStepper.Step(WaitingJourney, null, new StopInput(), T0));
    }
}
