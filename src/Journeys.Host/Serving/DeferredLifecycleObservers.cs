using Journeys.Runtime.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Host.Serving;

/// <summary>
/// Hands the catalog's lifecycle notifications to every <see cref="IJourneyLifecycleObserver"/> registered in the
/// container, resolved when a notification happens rather than when the catalog is built. The engine both needs the
/// catalog and observes it; resolving eagerly would be a dependency cycle.
/// </summary>
public sealed class DeferredLifecycleObservers(IServiceProvider services) : IJourneyLifecycleObserver
{
    public async Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        foreach (var observer in services.GetServices<IJourneyLifecycleObserver>())
        {
            await observer.OnLifecycleChangedAsync(change, cancellationToken);
        }
    }
}
