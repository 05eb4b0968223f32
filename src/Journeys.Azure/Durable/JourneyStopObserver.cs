using Journeys.Catalog;
using Journeys.Orchestration;

namespace Journeys.Durable;

/// <summary>
/// Ends the active instances of a stopped journey (SPEC §4 stop) by raising the stop event to every active
/// orchestration of the journey. An instance that misses it still stops: each orchestration generation reads its
/// version's status (<see cref="JourneySnapshot.Stopped"/>).
/// </summary>
public sealed class JourneyStopObserver(IInstanceGateway instances) : IJourneyLifecycleObserver
{
    public async Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
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
