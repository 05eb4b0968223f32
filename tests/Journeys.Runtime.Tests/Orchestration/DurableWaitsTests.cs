using Journeys.Runtime.Orchestration;

using Journeys.TestSupport.Orchestration;

namespace Journeys.Runtime.Tests.Orchestration;

/// <summary>The race a Durable wait is made of: the winner decides the outcome, every loser is cancelled.</summary>
public sealed class DurableWaitsTests
{
    private static readonly DateTimeOffset Until = new(2026, 1, 15, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_timer_winning_cancels_the_event_wait_and_leaves_the_executions_stop_wait()
    {
        var signals = new ScriptedSignals();
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed", SharedStop: true));

        signals.Timer.SetResult();
        var outcome = await wait;

        Assert.Equal(WaitOutcomeKind.TimerFired, outcome.Kind);
        Assert.Equal(new DateTime(2026, 1, 15, 11, 0, 0, DateTimeKind.Utc), signals.TimerFireAt);
        Assert.Equal(DateTimeKind.Utc, signals.TimerFireAt.Kind);
        Assert.False(signals.TimerToken.IsCancellationRequested);
        Assert.True(signals.Tokens["event:order.placed"].IsCancellationRequested);
        Assert.DoesNotContain("stop", signals.Tokens.Keys); // the execution's one stop wait, never a wait of its own
    }

    [Fact]
    public async Task The_event_winning_returns_its_payload_and_cancels_the_timer()
    {
        var signals = new ScriptedSignals();
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed", SharedStop: true));

        signals.Events["event:order.placed"].SetResult("{\"payload\":1}");
        var outcome = await wait;

        Assert.Equal(WaitOutcome.Event("{\"payload\":1}"), outcome);
        Assert.True(signals.TimerToken.IsCancellationRequested);
        Assert.False(signals.Tokens["event:order.placed"].IsCancellationRequested);
        Assert.False(signals.Stop.IsCanceled);
    }

    [Fact]
    public async Task A_stop_interrupts_a_plain_timer_and_cancels_it()
    {
        var signals = new ScriptedSignals();
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until, SharedStop: true));

        signals.StopSource.SetResult("stop");
        var outcome = await wait;

        Assert.Equal(WaitOutcomeKind.StopRequested, outcome.Kind);
        Assert.True(signals.TimerToken.IsCancellationRequested);
        Assert.Empty(signals.Events.Keys);
    }

    [Fact]
    public async Task A_stop_received_before_the_wait_began_wins_at_once()
    {
        // Raised while an activity ran: the execution's stop wait completed then, and every later wait loses to it.
        var signals = new ScriptedSignals();
        signals.StopSource.SetResult("stop");

        var outcome = await DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed", SharedStop: true));

        Assert.Equal(WaitOutcomeKind.StopRequested, outcome.Kind);
        Assert.True(signals.TimerToken.IsCancellationRequested);
        Assert.True(signals.Tokens["event:order.placed"].IsCancellationRequested);
    }

    [Fact]
    public async Task An_older_orchestrations_wait_races_a_stop_wait_of_its_own_and_cancels_it_when_it_loses()
    {
        // Logic 1 to 3 (WaitRequest.SharedStop false): their histories have a stop wait per race.
        var signals = new ScriptedSignals();
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed"));

        signals.Timer.SetResult();

        Assert.Equal(WaitOutcomeKind.TimerFired, (await wait).Kind);
        Assert.True(signals.Tokens["stop"].IsCancellationRequested);
        Assert.True(signals.Tokens["event:order.placed"].IsCancellationRequested);
        Assert.False(signals.Stop.IsCompleted);
    }

    [Fact]
    public async Task A_wait_for_events_with_the_executions_stop_wait_never_cancels_it()
    {
        var signals = new ScriptedSignals();
        var wait = new DurableEventWait(signals, new WaitRequest(Until, "event:order.placed", SharedStop: true));

        var next = wait.NextAsync();
        signals.Timer.SetResult();
        Assert.Equal(WaitOutcomeKind.TimerFired, (await next).Kind);
        wait.Dispose();

        Assert.DoesNotContain("stop", signals.Tokens.Keys);
        Assert.False(signals.Stop.IsCanceled);
    }

    [Fact]
    public async Task A_wait_for_events_keeps_its_timer_and_stop_wait_when_an_event_comes_and_waits_only_for_the_next_event()
    {
        var signals = new ScriptedSignals();
        using var wait = new DurableEventWait(signals, new WaitRequest(Until, "event:order.placed"));

        var first = wait.NextAsync();
        var firstEvent = signals.Events["event:order.placed"];
        firstEvent.SetResult("{\"payload\":1}");
        Assert.Equal(WaitOutcome.Event("{\"payload\":1}"), await first);
        var second = wait.NextAsync();

        Assert.Equal(1, signals.TimersCreated);
        Assert.False(signals.TimerToken.IsCancellationRequested);
        Assert.False(signals.Tokens["stop"].IsCancellationRequested);
        Assert.NotSame(firstEvent, signals.Events["event:order.placed"]);
        signals.Timer.SetResult();
        Assert.Equal(WaitOutcomeKind.TimerFired, (await second).Kind);
        Assert.True(signals.Tokens["event:order.placed"].IsCancellationRequested);
        Assert.True(signals.Tokens["stop"].IsCancellationRequested);
        await Assert.ThrowsAsync<InvalidOperationException>(wait.NextAsync);
    }

    [Fact]
    public async Task Ending_a_wait_for_events_after_an_event_cancels_its_timer_and_stop_wait()
    {
        var signals = new ScriptedSignals();
        var wait = new DurableEventWait(signals, new WaitRequest(Until, "event:order.placed"));

        var next = wait.NextAsync();
        signals.Events["event:order.placed"].SetResult("{}");
        await next;
        var timer = signals.TimerToken;
        var stop = signals.Tokens["stop"];
        Assert.False(timer.IsCancellationRequested);
        wait.Dispose();

        Assert.True(timer.IsCancellationRequested);
        Assert.True(stop.IsCancellationRequested);
    }

    [Fact]
    public async Task A_stop_ends_a_wait_for_events_and_cancels_its_timer()
    {
        var signals = new ScriptedSignals();
        using var wait = new DurableEventWait(signals, new WaitRequest(Until, "event:order.placed"));

        var next = wait.NextAsync();
        signals.Events["stop"].SetResult("stop");

        Assert.Equal(WaitOutcomeKind.StopRequested, (await next).Kind);
        Assert.True(signals.TimerToken.IsCancellationRequested);
        Assert.True(signals.Tokens["event:order.placed"].IsCancellationRequested);
    }

    private sealed class ScriptedSignals : IDurableSignals
    {
        public TaskCompletionSource Timer { get; } = new();

        public DateTime TimerFireAt { get; private set; }

        public CancellationToken TimerToken { get; private set; }

        public Dictionary<string, TaskCompletionSource<string>> Events { get; } = [];

        public Dictionary<string, CancellationToken> Tokens { get; } = [];

        public int TimersCreated { get; private set; }

        public TaskCompletionSource<string> StopSource { get; } = new();

        public Task<string> Stop => StopSource.Task;

        public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
        {
            TimersCreated++;
            TimerFireAt = fireAtUtc;
            TimerToken = cancellationToken;
            return Timer.Task;
        }

        public Task<string> WaitForExternalEvent(string eventName, CancellationToken cancellationToken)
        {
            Tokens[eventName] = cancellationToken;
            var source = new TaskCompletionSource<string>();
            Events[eventName] = source;
            return source.Task;
        }
    }
}
