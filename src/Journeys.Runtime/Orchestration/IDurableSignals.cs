namespace Journeys.Runtime.Orchestration;

/// <summary>
/// The two Durable primitives a wait is made of, exactly as <c>TaskOrchestrationContext</c> offers them
/// (<c>CreateTimer(DateTime, CancellationToken)</c>, <c>WaitForExternalEvent&lt;string&gt;(string, CancellationToken)</c>),
/// so that <see cref="DurableWaits"/> can be tested here without the Durable SDK, and the orchestration's one wait
/// for the stop event.
/// </summary>
public interface IDurableSignals
{
    /// <summary>
    /// The stop event, waited for once per orchestration execution and never cancelled. The Durable SDK hands an
    /// event to the newest waiter of its name even when that waiter was cancelled, so a stop wait that lost a race
    /// would swallow a stop raised while an activity runs; one long-lived wait cannot.
    /// </summary>
    Task<string> Stop { get; }

    Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    Task<string> WaitForExternalEvent(string eventName, CancellationToken cancellationToken);
}
