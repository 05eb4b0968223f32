namespace Journeys.Runtime.Orchestration;

/// <summary>
/// A <see cref="WaitRequest"/> over Durable primitives: a durable timer raced against the awaited external event
/// (if any) and the orchestration's stop wait (<see cref="IDurableSignals.Stop"/>), with the losing timer and event
/// wait cancelled (an orchestration started before logic 4 races a stop wait of its own, see
/// <see cref="WaitRequest.SharedStop"/>). Durable keeps an orchestration running while one of its timers is pending, so a timer that lost
/// must be cancelled. The stop wait is shared by every wait of the execution and never cancelled: a stop that arrived
/// earlier (during an activity) wins at once. <c>Task.WhenAny</c> over Durable tasks is replay-safe: which task won is
/// decided by the order of the completions recorded in the history.
/// </summary>
public static class DurableWaits
{
    public static async Task<WaitOutcome> RaceAsync(IDurableSignals signals, WaitRequest request)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(request);

        using var timerCancellation = new CancellationTokenSource();
        using var stopCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var timer = signals.CreateTimer(request.Until.UtcDateTime, timerCancellation.Token);

        // Before logic 4 every race had a stop wait of its own, cancelled when it lost (those histories have them).
        var stop = request.SharedStop ? signals.Stop : signals.WaitForExternalEvent(OrchestrationEvents.Stop, stopCancellation.Token);
        var raised = request.EventName is { } name ? signals.WaitForExternalEvent(name, eventCancellation.Token) : null;

        var winner = raised is null ? await Task.WhenAny(stop, timer) : await Task.WhenAny(stop, raised, timer);
#pragma warning disable CA1849 // CancelAsync would run the Durable cancellation callbacks on the thread pool; an
        // orchestrator must stay on its own thread, so the synchronous Cancel is the correct call here.
        if (winner != timer)
        {
            timerCancellation.Cancel();
        }

        if (!request.SharedStop && winner != stop)
        {
            stopCancellation.Cancel();
        }

        if (raised is not null && winner != raised)
        {
            eventCancellation.Cancel();
        }
#pragma warning restore CA1849

        if (winner == stop)
        {
            return WaitOutcome.StopRequested;
        }

        return winner == raised ? WaitOutcome.Event(await raised) : WaitOutcome.TimerFired;
    }
}
