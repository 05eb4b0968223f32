namespace Journeys.Runtime.Orchestration;

/// <summary>
/// The two Durable primitives a wait is made of, exactly as <c>TaskOrchestrationContext</c> offers them
/// (<c>CreateTimer(DateTime, CancellationToken)</c>, <c>WaitForExternalEvent&lt;string&gt;(string, CancellationToken)</c>),
/// so that <see cref="DurableWaits"/> can be tested here without the Durable SDK.
/// </summary>
public interface IDurableSignals
{
    Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    Task<string> WaitForExternalEvent(string eventName, CancellationToken cancellationToken);
}
