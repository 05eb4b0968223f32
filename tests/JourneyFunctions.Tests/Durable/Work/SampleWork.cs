using Journeys.Runtime.Reporting;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>What <paramref name="Entrants"/> entrants of one sample cost, counted from the first entry event until all had ended.</summary>
public sealed record SampleWork(
    DurableWorkload Workload,
    string TaskHub,
    int Entrants,
    TimeSpan Duration,
    IReadOnlyList<InstanceView> Instances,
    IReadOnlyDictionary<string, int> Paths,
    long Episodes,
    long Timers,
    long EventsDelivered,
    long ContinuedAsNew,
    long Abandoned,
    IReadOnlyDictionary<string, long> Activities,
    IReadOnlyDictionary<StorageRequestKind, long> Requests)
{
    public double PerEntrant(long count) => (double)count / Entrants;

    /// <summary>Requests that grow with work (entries, steps, events), not with time: see <see cref="StorageRequestRole"/>.</summary>
    public long WorkRequests(Func<StorageRequestKind, bool> which) =>
        Requests.Where(pair => pair.Key.Role == StorageRequestRole.Work && which(pair.Key)).Sum(pair => pair.Value);

    /// <summary>All requests of <paramref name="role"/> during the run.</summary>
    public long RequestsOf(StorageRequestRole role) => Requests.Where(pair => pair.Key.Role == role).Sum(pair => pair.Value);
}
