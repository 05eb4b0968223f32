using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Azurite;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;

namespace JourneyFunctions.Tests.Durable;

/// <summary>The conformance suite on the Durable test host's in-memory backend (Table Storage on Azurite for the app's own stores).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InMemoryConformanceTests(AzuriteFixture azurite) : ConformanceScenarios
{
    protected override async Task<IJourneyHostUnderTest> StartHostAsync(Func<RecordedRequest, int, ScriptedReply> script) =>
        await DurableHostUnderTest.StartAsync(azurite, EngineKind.InMemory, script);
}
