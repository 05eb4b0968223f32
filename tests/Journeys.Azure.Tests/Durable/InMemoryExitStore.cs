using Journeys.Azure.Durable;

namespace Journeys.Azure.Tests.Durable;

internal sealed class InMemoryExitStore : IExitStore
{
    public Dictionary<(string Journey, string Profile), DateTimeOffset> Exits { get; } = [];

    public Task<DateTimeOffset?> GetLastExitAsync(string journeyId, string profileId, CancellationToken cancellationToken) =>
        Task.FromResult(Exits.TryGetValue((journeyId, profileId), out var at) ? at : (DateTimeOffset?)null);

    public Task RecordExitAsync(string journeyId, string profileId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        Exits[(journeyId, profileId)] = endedAt;
        return Task.CompletedTask;
    }
}
