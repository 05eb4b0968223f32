using JourneyFunctions.Tests;

namespace JourneyFunctions.Tests.Durable;

/// <summary>Which Durable Task backend a scenario runs on.</summary>
public enum EngineKind
{
    /// <summary>The in-process test host's in-memory backend.</summary>
    InMemory,

    /// <summary>DurableTask.AzureStorage (queues, tables, blobs) on Azurite: what Azure runs by default.</summary>
    AzureStorage,
}
