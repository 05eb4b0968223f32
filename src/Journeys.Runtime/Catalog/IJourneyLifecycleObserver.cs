namespace Journeys.Runtime.Catalog;

/// <summary>
/// Told after a publish, close or stop has been committed, so the runtime can react at once (refresh its live
/// routing, end the active instances of stopped versions). The catalog stays the durable truth: a runtime that
/// missed a notification (crash right after the commit) must still honour version statuses it reads back, e.g. by
/// sweeping instances of stopped versions on start.
/// </summary>
public interface IJourneyLifecycleObserver
{
    Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken);
}
