using Journeys.Runtime.Catalog;
using Journeys.Runtime.Orchestration;

namespace Journeys.Azure.Durable;

/// <summary>
/// Ends the active instances of a stopped journey (SPEC §4 stop) by raising the stop event to every active
/// orchestration of the journey, through the Durable client of the stopping invocation. An instance that misses it
/// still stops: each orchestration generation reads its version's status (<see cref="JourneySnapshot.Stopped"/>).
/// </summary>
public static class JourneyStopObserver
{
    /// <summary>Raises the stop event when <paramref name="change"/> stopped the journey; any other change does nothing.</summary>
    public static async Task OnLifecycleChangedAsync(JourneyLifecycleChange change, IInstanceGateway instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(instances);
        if (change.Status != JourneyStatus.Stopped)
        {
            return;
        }

        foreach (var instanceId in await instances.ListActiveAsync(InstanceIds.JourneyPrefix(change.JourneyId), cancellationToken))
        {
            await instances.RaiseAsync(instanceId, OrchestrationEvents.Stop, OrchestrationEvents.Stop, cancellationToken);
        }
    }
}
