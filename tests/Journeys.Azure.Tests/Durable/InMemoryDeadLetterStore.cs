using Journeys.Azure.Durable;

namespace Journeys.Azure.Tests.Durable;

internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    public List<(string Message, string Reason)> Letters { get; } = [];

    public Task AddAsync(string message, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Letters.Add((message, reason));
        return Task.CompletedTask;
    }
}
