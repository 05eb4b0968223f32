using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Azurite;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Durable;

/// <summary>The scenarios on the Durable test host's in-memory backend.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InMemoryOrchestrationTests(AzuriteFixture azurite) : OrchestrationScenarios(azurite)
{
    protected override EngineKind Kind => EngineKind.InMemory;
}
