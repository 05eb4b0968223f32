using Journeys.Runtime.Reporting;

namespace Journeys.Azure.Durable;

/// <summary>Report counters per journey (Azure: one entity per counter, partitioned by journey).</summary>
public interface ICounterStore
{
    /// <summary>Adds the deltas; metrics with <see cref="CounterKey.MaxPrefix"/> keep the maximum instead.</summary>
    Task AddAsync(IReadOnlyDictionary<CounterKey, long> deltas, CancellationToken cancellationToken);

    /// <summary>Every counter of a journey, all versions.</summary>
    Task<IReadOnlyDictionary<CounterKey, long>> GetAsync(string journeyId, CancellationToken cancellationToken);
}
