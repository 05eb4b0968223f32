namespace Journeys.Runtime.Orchestration;

/// <summary>
/// <see cref="IEventWait"/> over Durable primitives: one durable timer and one stop wait for the whole wait (the
/// execution's, never cancelled, when <see cref="WaitRequest.SharedStop"/>), and one
/// external-event wait per <see cref="NextAsync"/>, raced like <see cref="DurableWaits.RaceAsync"/> (same order, so
/// the same winner when several have completed). An event leaves the timer and the stop wait pending for the next
/// round; the timer or a stop ends the wait and cancels the rest.
/// </summary>
public sealed class DurableEventWait : IEventWait
{
    private readonly IDurableSignals signals;
    private readonly string eventName;
    private readonly CancellationTokenSource timerCancellation = new();
    private readonly CancellationTokenSource stopCancellation = new();
    private readonly Task timer;
    private readonly Task<string> stop;
    private readonly bool sharedStop;
    private bool over;

    public DurableEventWait(IDurableSignals signals, WaitRequest request)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(request);
        this.signals = signals;
        eventName = request.EventName ?? throw new ArgumentException("A wait for events needs an event name.", nameof(request));
        timer = signals.CreateTimer(request.Until.UtcDateTime, timerCancellation.Token);
        sharedStop = request.SharedStop;
        stop = sharedStop ? signals.Stop : signals.WaitForExternalEvent(OrchestrationEvents.Stop, stopCancellation.Token);
    }

    public async Task<WaitOutcome> NextAsync()
    {
        if (over)
        {
            throw new InvalidOperationException("The wait is over: its timer fired or it was stopped.");
        }

        using var eventCancellation = new CancellationTokenSource();
        var raised = signals.WaitForExternalEvent(eventName, eventCancellation.Token);
        var winner = await Task.WhenAny(stop, raised, timer);
        if (winner == raised)
        {
            return WaitOutcome.Event(await raised);
        }

        over = true;
#pragma warning disable CA1849 // Synchronous Cancel keeps the Durable cancellation callbacks on the orchestrator thread (see DurableWaits).
        eventCancellation.Cancel();
#pragma warning restore CA1849
        CancelPending();
        return winner == stop ? WaitOutcome.StopRequested : WaitOutcome.TimerFired;
    }

    public void Dispose()
    {
        CancelPending();
        timerCancellation.Dispose();
        stopCancellation.Dispose();
    }

    /// <summary>A pending timer would keep the orchestration running until it fires: cancel it, and the stop wait.</summary>
    private void CancelPending()
    {
#pragma warning disable CA1849 // As above: the synchronous Cancel on purpose.
        if (!timer.IsCompleted && !timerCancellation.IsCancellationRequested)
        {
            timerCancellation.Cancel();
        }

        if (!sharedStop && !stop.IsCompleted && !stopCancellation.IsCancellationRequested)
        {
            stopCancellation.Cancel();
        }
#pragma warning restore CA1849
    }
}
