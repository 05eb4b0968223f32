using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Azurite;
using Journeys.Azure.Durable;
using Journeys.Azure.Tables;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// Durable's side of the conformance suite's long-wait scenario, made deterministic: the events that are buffered
/// when the loop continues as new (its 20th operation) must reach the next generation
/// (<c>preserveUnprocessedEvents</c>), or an instance would miss the event it waits for. The first step record is
/// held (<see cref="HeldRecordStore"/>) while the events are raised, so they all arrive while nothing listens and are
/// buffered by the Durable SDK. This failed on the test host until <see cref="ContinueAsNewEventCarryover"/> gave it
/// the production dispatcher's behaviour, and fails with <c>preserveUnprocessedEvents: false</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ContinueAsNewTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(EngineKind.InMemory)]
    [InlineData(EngineKind.AzureStorage)]
    public async Task Events_buffered_when_the_orchestration_continues_as_new_reach_the_next_generation(EngineKind kind)
    {
        var records = new HeldRecordStore();
        await using var run = await JourneyRun.StartAsync(
            azurite,
            kind,
            (_, _) => ScriptedReply.Json("{}"),
            app => app.AddSingleton<IInstanceRecordStore>(sp => records.Over(ActivatorUtilities.CreateInstance<TableInstanceRecordStore>(sp))),
            async (catalog, services) =>
            {
                await ConformanceCatalog.DefineAsync(catalog, services);
                await ConformanceCatalog.PublishAsync(catalog, "conf-listen");
            });

        await run.IngestAsync("""{ "id": "e1", "type": "conf.start", "customer": { "id": "n1" }, "ref": "mine" }""");
        await records.Held.WaitAsync(TimeSpan.FromMinutes(1));
        // 25 signals that do not correlate, then the one that does: 19 fill the generation (with the entry's
        // record, 20 operations), the other 7 are still buffered when it continues as new.
        for (var i = 1; i <= 25; i++)
        {
            await run.IngestAsync($$"""{ "id": "s{{i}}", "type": "conf.signal", "customer": { "id": "n1" }, "ref": "other" }""");
        }

        await run.IngestAsync("""{ "id": "s-mine", "type": "conf.signal", "customer": { "id": "n1" }, "ref": "mine" }""");
        records.Release();
        var view = await run.WaitForEndAsync("conf-listen", "n1");

        Assert.Equal(["listen", "heard"], ConformanceRun.Path(view));
        var metadata = await run.Engine.Client.GetInstanceAsync(InstanceIds.For("conf-listen", "n1"), getInputsAndOutputs: true);
        Assert.Equal(1, OrchestrationJson.DeserializeInput(metadata!.ReadInputAs<string>()!).Generation);
    }
}
