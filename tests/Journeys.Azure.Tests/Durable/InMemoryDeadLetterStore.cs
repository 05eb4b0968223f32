using Journeys.Durable;

namespace Journeys.Runtime.Tests.Durable;

internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    public List<(string Message, string Reason)> Letters { get; } = [];

    public Task AddAsync(string message, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Letters.Add((message, reason));
        return Task.CompletedTask;
    }
}
