namespace Journeys.Runtime.Connectors;

/// <summary>
/// Enforces a custom action's <c>capPerMinute</c>. A port so that a multi-instance host (Azure) can count in shared
/// storage; the embedded host counts in process (<see cref="InMemoryActionCallLimiter"/>).
/// </summary>
public interface IActionCallLimiter
{
    /// <summary>Takes one call slot of <paramref name="actionId"/> for the current minute; false when the cap is reached.</summary>
    ValueTask<bool> TryAcquireAsync(string actionId, int capPerMinute, CancellationToken cancellationToken);
}
