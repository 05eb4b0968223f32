using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Azurite;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Durable;

/// <summary>The scenarios on DurableTask.AzureStorage (the production backend) over Azurite's queues, tables and blobs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageOrchestrationTests(AzuriteFixture azurite) : OrchestrationScenarios(azurite)
{
    protected override EngineKind Kind => EngineKind.AzureStorage;
}
