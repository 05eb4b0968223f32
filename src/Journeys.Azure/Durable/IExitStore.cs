namespace Journeys.Azure.Durable;

/// <summary>When each profile last left each journey, for the re-entry rules (written when an instance ends).</summary>
public interface IExitStore
{
    Task<DateTimeOffset?> GetLastExitAsync(string journeyId, string profileId, CancellationToken cancellationToken);

    Task RecordExitAsync(string journeyId, string profileId, DateTimeOffset endedAt, CancellationToken cancellationToken);
}
