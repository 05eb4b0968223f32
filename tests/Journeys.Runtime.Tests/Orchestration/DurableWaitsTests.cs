using Journeys.Runtime.Orchestration;

using Journeys.TestSupport.Orchestration;

namespace Journeys.Runtime.Tests.Orchestration;

/// <summary>The race a Durable wait is made of: the winner decides the outcome, every loser is cancelled.</summary>
public sealed class DurableWaitsTests
{
    private static readonly DateTimeOffset Until = new(2026, 1, 15, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_timer_winning_cancels_the_event_and_stop_waits()
    {
        var signals = new ScriptedSignals();
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed"));

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
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed"));

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
        var wait = DurableWaits.RaceAsync(signals, new WaitRequest(Until));

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

        var outcome = await DurableWaits.RaceAsync(signals, new WaitRequest(Until, "event:order.placed"));

        Assert.Equal(WaitOutcomeKind.StopRequested, outcome.Kind);
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

        public TaskCompletionSource<string> StopSource { get; } = new();

        public Task<string> Stop => StopSource.Task;

        public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
        {
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
