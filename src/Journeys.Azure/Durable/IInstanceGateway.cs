using Journeys.Runtime.Orchestration;

namespace Journeys.Azure.Durable;

/// <summary>The orchestration client as routing needs it (Azure: <c>DurableTaskClient</c>).</summary>
public interface IInstanceGateway
{
    /// <summary>Whether the orchestration exists and has not ended (pending, running or suspended).</summary>
    Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the journey orchestration under <paramref name="instanceId"/>; false when an orchestration with that
    /// id is already active (a concurrent start won).
    /// </summary>
    Task<bool> TryStartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken);

    /// <summary>
    /// Schedules the journey orchestration under <paramref name="instanceId"/> without reading its status first: for
    /// a caller that has just read it inactive (routing reads each (event, journey) once). A start that a concurrent
    /// one beat is refused by Durable for the deterministic id, so exactly one instance still runs.
    /// </summary>
    Task StartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken);

    /// <summary>Raises an external event; an orchestration that does not run drops it.</summary>
    Task RaiseAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken);

    /// <summary>Ids of the active orchestrations whose id starts with <paramref name="instanceIdPrefix"/>.</summary>
    Task<IReadOnlyList<string>> ListActiveAsync(string instanceIdPrefix, CancellationToken cancellationToken);
}
