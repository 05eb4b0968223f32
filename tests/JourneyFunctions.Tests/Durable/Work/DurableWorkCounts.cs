using System.Collections.Concurrent;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// What the Durable backend was asked to do, as seen at its <c>IOrchestrationService</c> interface
/// (<see cref="CountingOrchestrationService"/>): orchestration episodes (work items completed: one run of the
/// orchestrator function, replaying its history), activities executed by name, durable timers created, external events
/// delivered, ContinueAsNew generations, and the instances that ended.
/// </summary>
public sealed class DurableWorkCounts
{
    private readonly ConcurrentDictionary<string, long> activities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> ended = new(StringComparer.Ordinal);
    private long episodes;
    private long timers;
    private long eventsDelivered;
    private long continuedAsNew;
    private long abandoned;

    public long Episodes => Interlocked.Read(ref episodes);

    public long Timers => Interlocked.Read(ref timers);

    public long EventsDelivered => Interlocked.Read(ref eventsDelivered);

    public long ContinuedAsNew => Interlocked.Read(ref continuedAsNew);

    /// <summary>Work items given back unfinished (lost locks, errors): each is an episode run again.</summary>
    public long Abandoned => Interlocked.Read(ref abandoned);

    public IReadOnlyDictionary<string, long> Activities => new Dictionary<string, long>(activities, StringComparer.Ordinal);

    public long ActivityTotal => activities.Values.Sum();

    public IReadOnlyCollection<string> EndedInstances => ended.Keys.ToList();

    public void Reset()
    {
        activities.Clear();
        ended.Clear();
        Interlocked.Exchange(ref episodes, 0);
        Interlocked.Exchange(ref timers, 0);
        Interlocked.Exchange(ref eventsDelivered, 0);
        Interlocked.Exchange(ref continuedAsNew, 0);
        Interlocked.Exchange(ref abandoned, 0);
    }

    internal void Episode(int timersCreated, int eventsRaised, bool continuesAsNew)
    {
        Interlocked.Increment(ref episodes);
        Interlocked.Add(ref timers, timersCreated);
        Interlocked.Add(ref eventsDelivered, eventsRaised);
        if (continuesAsNew)
        {
            Interlocked.Increment(ref continuedAsNew);
        }
    }

    internal void Activity(string name) => activities.AddOrUpdate(name, 1, (_, count) => count + 1);

    internal void Abandon() => Interlocked.Increment(ref abandoned);

    internal void Ended(string instanceId) => ended[instanceId] = DateTimeOffset.UtcNow;
}
