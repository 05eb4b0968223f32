using Journeys.Core.Execution;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>The read side of the embedded store, used by the API concurrently with the writer.</summary>
public interface IRuntimeReader
{
    Task<IReadOnlyDictionary<CounterKey, long>> ReadCountersAsync(string journeyId, CancellationToken cancellationToken = default);

    /// <summary>The profile's instances in the journey, newest first.</summary>
    Task<IReadOnlyList<InstanceState>> ReadInstancesAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<long> CountActiveAsync(CancellationToken cancellationToken = default);

    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
