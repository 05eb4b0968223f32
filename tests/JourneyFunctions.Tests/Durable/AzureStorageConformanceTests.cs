using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Azurite;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;

namespace JourneyFunctions.Tests.Durable;

/// <summary>The conformance suite on DurableTask.AzureStorage (queues, tables, blobs) over Azurite: what Azure runs by default.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageConformanceTests(AzuriteFixture azurite) : ConformanceScenarios
{
    protected override async Task<IJourneyHostUnderTest> StartHostAsync(Func<RecordedRequest, int, ScriptedReply> script) =>
        await DurableHostUnderTest.StartAsync(azurite, EngineKind.AzureStorage, script);
}
