namespace Journeys.Azure.Durable;

/// <summary>Where ingestion puts what it could not process, with the reason, instead of blocking the batch.</summary>
public interface IDeadLetterStore
{
    Task AddAsync(string message, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
