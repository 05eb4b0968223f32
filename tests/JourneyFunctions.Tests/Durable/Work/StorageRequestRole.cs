namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>Why a storage request was made, which decides how it scales.</summary>
public enum StorageRequestRole
{
    /// <summary>Caused by entrants: entries, steps, events, timers. Reported per entrant.</summary>
    Work,

    /// <summary>A queue poll that found nothing: grows with time and with the number of queues, not with entrants.</summary>
    Polling,

    /// <summary>Keeping the backend's partitions owned (the app lease blob, the partition table or lease blobs): grows with time.</summary>
    Upkeep,

    /// <summary>Creating a queue, table or container: once per process (the app's tables) or per partition start.</summary>
    Setup,
}
