using Journeys.Azure.Durable;

namespace Journeys.Azure.Tests.Durable;

internal sealed class InMemoryEventKeyStore : IEventKeyStore
{
    public HashSet<string> Keys { get; } = [];

    public Task<bool> TryRecordAsync(string eventId, string eventKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Keys.Add(eventId + "/" + eventKey));
}
