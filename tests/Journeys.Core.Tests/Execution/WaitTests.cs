using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class WaitTests
{
    private static CompiledJourney Journey(string wait, long timeoutSeconds = 7862400) => Compile($$"""
        { "entry": "cart.abandoned", "start": "pause", "timeoutSeconds": {{timeoutSeconds}},
          "nodes": { "pause": { "type": "wait", {{wait}}, "next": "done" }, "done": { "type": "end" } } }
        """);

    [Fact]
    public void A_duration_wait_starts_a_timer_and_continues_when_it_fires()
    {
        var driver = new InstanceDriver(Journey("\"duration\": \"PT1H\""));

        var started = driver.Start();

        var wakeAt = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal(new StartTimerCommand("pause", wakeAt), started.Command);
        Assert.Equal(WaitKind.Timer, driver.State!.Waiting);
        Assert.Equal(wakeAt, driver.State.WakeAt);

        var fired = driver.Send(new TimerFiredInput(wakeAt), wakeAt);

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), fired.Command);
        Assert.Equal(
            ["Started pause", "Entered pause", "Waiting pause timer", "Resumed pause timer", "Exited pause next->done",
             "Entered done", "Exited done", "Ended done completed"],
            driver.Trace());
    }

    [Fact]
    public void A_stale_timer_or_an_early_resume_changes_nothing()
    {
        var driver = new InstanceDriver(Journey("\"duration\": \"P3D\""));
        driver.Start();
        var before = driver.State!;

        var stale = driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));
        Assert.False(stale.StateChanged);
        Assert.Same(before, stale.NewState);
        Assert.Equal(JourneyCommand.None, stale.Command);
        Assert.Empty(stale.Events);

        var resume = driver.Send(new ResumeInput(), T0.AddDays(1));
        Assert.False(resume.StateChanged);
        Assert.Equal(new StartTimerCommand("pause", T0.AddDays(3)), resume.Command);
    }

    [Fact]
    public void A_resume_after_the_wake_time_continues_like_the_timer()
    {
        var driver = new InstanceDriver(Journey("\"duration\": \"PT10M\""));
        driver.Start();

        var resumed = driver.Send(new ResumeInput(), T0.AddMinutes(30));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), resumed.Command);
    }

    [Fact]
    public void A_timer_that_fires_slightly_early_is_honoured_at_its_own_time()
    {
        var driver = new InstanceDriver(Journey("\"duration\": \"PT1H\""));
        driver.Start();

        var fired = driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1).AddMilliseconds(-3));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), fired.Command);
        Assert.All(fired.Events, e => Assert.Equal(T0.AddHours(1), e.At));
    }

    [Fact]
    public void Until_in_the_future_waits_until_that_time()
    {
        var driver = new InstanceDriver(Journey("\"until\": \"entry.occurredAt + duration('P1D')\""));

        var started = driver.Start();

        Assert.Equal(new StartTimerCommand("pause", new DateTimeOffset(2026, 3, 2, 9, 55, 0, TimeSpan.Zero)), started.Command);
    }

    [Fact]
    public void Until_in_the_past_continues_at_once()
    {
        var driver = new InstanceDriver(Journey("\"until\": \"entry.occurredAt\""));

        var started = driver.Start();

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), started.Command);
        Assert.DoesNotContain(driver.History, e => e.Kind == StepEventKind.Waiting);
        Assert.Contains("Exited pause next->done", driver.Trace());
    }

    [Fact]
    public void Until_giving_an_iso_string_is_read_as_a_datetime()
    {
        var driver = new InstanceDriver(Journey("\"until\": \"entry.remindAt\""));

        var started = driver.Start(entryJson: """{ "id": "e1", "customer": { "id": "p1" }, "cart": { "id": "c1" }, "remindAt": "2026-03-05T08:00:00+01:00" }""");

        Assert.Equal(new StartTimerCommand("pause", new DateTimeOffset(2026, 3, 5, 7, 0, 0, TimeSpan.Zero)), started.Command);
    }

    [Fact]
    public void Until_giving_null_ends_the_instance_errored()
    {
        var driver = new InstanceDriver(Journey("\"until\": \"entry.remindAt\""));

        var started = driver.Start();

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), started.Command);
        Assert.Equal("WAIT_UNTIL_INVALID", Assert.Single(driver.History, e => e.Kind == StepEventKind.Error).Code);
    }

    [Fact]
    public void A_wait_beyond_the_journey_deadline_wakes_at_the_deadline_and_times_out()
    {
        var driver = new InstanceDriver(Journey("\"duration\": \"P3D\"", timeoutSeconds: 86400));

        var started = driver.Start();
        Assert.Equal(new StartTimerCommand("pause", T0.AddDays(1)), started.Command);
        Assert.Equal(T0.AddDays(1), driver.State!.Deadline);

        var fired = driver.Send(new TimerFiredInput(T0.AddDays(1)), T0.AddDays(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.TimedOut), fired.Command);
        Assert.Equal(
            ["Resumed pause timedOut", "Exited pause", "Ended pause timedOut"],
            fired.Events.Select(Describe));
    }
}
