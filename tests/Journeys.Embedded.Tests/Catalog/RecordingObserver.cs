using System.Collections.Concurrent;
using Journeys.Catalog;

namespace Journeys.Storage.Sqlite.Tests.Catalog;

public sealed class RecordingObserver : IJourneyLifecycleObserver
{
    public ConcurrentQueue<JourneyLifecycleChange> Changes { get; } = new();

    public Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
