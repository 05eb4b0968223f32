namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>Who made a storage request. Ingestion (what the Event Hubs trigger does per event) is told from the orchestration work it causes.</summary>
public enum StorageCaller
{
    /// <summary>The Durable backend dispatching orchestration and activity work items (and keeping its partitions).</summary>
    Durable,

    /// <summary>The Durable client, called by ingestion: starting instances, raising events, reading instance status.</summary>
    DurableClient,

    /// <summary>The app's Table stores, called from its activities (catalog snapshot, step records, counters, exits).</summary>
    AppActivities,

    /// <summary>The app's Table stores, called from ingestion (routing table, event keys, exits, counters).</summary>
    AppIngestion,
}
