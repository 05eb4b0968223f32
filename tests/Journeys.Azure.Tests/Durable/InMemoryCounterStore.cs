using Journeys.Azure.Durable;
using Journeys.Runtime.Reporting;

namespace Journeys.Azure.Tests.Durable;

internal sealed class InMemoryCounterStore : ICounterStore
{
    public Dictionary<CounterKey, long> Counters { get; } = [];

    public Task AddAsync(IReadOnlyDictionary<CounterKey, long> deltas, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in deltas)
        {
            Counters[key] = key.IsMaximum ? Math.Max(Counters.GetValueOrDefault(key), value) : Counters.GetValueOrDefault(key) + value;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<CounterKey, long>> GetAsync(string journeyId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<CounterKey, long>>(Counters.Where(c => c.Key.JourneyId == journeyId).ToDictionary());
}
