using Journeys.Runtime.Catalog;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>The catalog is built before the engine it notifies; the relay closes that loop.</summary>
internal sealed class LifecycleRelay : IJourneyLifecycleObserver
{
    public IJourneyLifecycleObserver? Target { get; set; }

    public Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken) =>
        Target?.OnLifecycleChangedAsync(change, cancellationToken) ?? Task.CompletedTask;
}
