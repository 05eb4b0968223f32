namespace Journeys.Azure.Durable;

/// <summary>De-duplication of ingested events by <c>eventKey</c> (Azure: one Table Storage entity per key).</summary>
public interface IEventKeyStore
{
    /// <summary>Records the key; false when it was already recorded (a redelivered or resent event).</summary>
    Task<bool> TryRecordAsync(string eventId, string eventKey, DateTimeOffset now, CancellationToken cancellationToken);
}
