using System.Collections.Concurrent;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Storage;

namespace Journeys.TestSupport.Catalog;

public sealed class RecordingObserver : IJourneyLifecycleObserver
{
    public ConcurrentQueue<JourneyLifecycleChange> Changes { get; } = new();

    public Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
