using JourneyFunctions.Triggers;
using Journeys.Azure.Durable;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Reporting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace JourneyFunctions.Tests;

/// <summary>The Event Hubs trigger: start, raise and dead-letter decisions, with Durable and the stores mocked.</summary>
public sealed class IngestEventHubTests
{
    private static readonly DateTimeOffset PublishedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Mock<DurableTaskClient> client = new("test");
    private readonly Mock<IDeadLetterStore> deadLetters = new();
    private readonly Mock<IEventKeyStore> keys = new();
    private readonly Mock<FunctionContext> context = new();

    public IngestEventHubTests()
    {
        keys.Setup(k => k.TryRecordAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("started");
    }

    [Fact]
    public async Task An_entry_event_starts_the_orchestration_of_its_profile_and_a_malformed_message_is_dead_lettered()
    {
        await Trigger().RunAsync(
            ["{ broken", """{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "c-42", "email": "a@b.c" }, "cart": { "id": "k", "total": 3 } }"""],
            client.Object,
            context.Object);

        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == InstanceIds.For("abandoned-cart", "c-42")), It.IsAny<CancellationToken>()), Times.Once);
        deadLetters.Verify(d => d.AddAsync("{ broken", It.Is<string>(r => r.StartsWith("malformed JSON", StringComparison.Ordinal)), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_event_for_a_running_instance_is_raised_to_it()
    {
        var id = InstanceIds.For("abandoned-cart", "c-42");
        client.Setup(c => c.GetInstanceAsync(id, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("JourneyOrchestrator", id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        client.Setup(c => c.RaiseEventAsync(id, "event:order.placed", It.IsAny<object?>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await Trigger().RunAsync(
            ["""{ "id": "o1", "type": "order.placed", "customer": { "id": "c-42" }, "cart": { "id": "k" }, "order": { "id": "o-1" } }"""],
            client.Object,
            context.Object);

        client.Verify(c => c.RaiseEventAsync(id, "event:order.placed", It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_batch_whose_catalog_cannot_be_read_is_dead_lettered_and_the_trigger_does_not_throw()
    {
        var store = new Mock<ICatalogStore>();
        store.Setup(s => s.ListResourcesAsync(It.IsAny<CatalogResourceKind>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("storage down"));

        await Trigger(store).RunAsync(["{}", "[]"], client.Object, context.Object);

        deadLetters.Verify(d => d.AddAsync(It.IsAny<string>(), It.Is<string>(r => r.Contains("storage down", StringComparison.Ordinal)), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private IngestEventHub Trigger(Mock<ICatalogStore>? store = null)
    {
        var journeys = new JourneyCatalog((store ?? CartCatalog()).Object);
        var ingestion = new AzureIngestion(
            keys.Object, Mock.Of<IExitStore>(), Mock.Of<ICounterStore>(), deadLetters.Object, TimeProvider.System);
        return new IngestEventHub(ingestion, new RoutingTableCache(journeys, TimeProvider.System, TimeSpan.FromMinutes(1)), NullLogger<IngestEventHub>.Instance);
    }

    /// <summary>A catalog store holding the samples' cart events and actions and abandoned-cart published as version 1.</summary>
    private static Mock<ICatalogStore> CartCatalog()
    {
        string Sample(string path) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", path));
        var store = new Mock<ICatalogStore>();
        store.Setup(s => s.ListResourcesAsync(CatalogResourceKind.EventDefinition, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new StoredResource(CatalogResourceKind.EventDefinition, "cart.abandoned", Sample("events/cart.abandoned.json"), "e1", PublishedAt),
            new StoredResource(CatalogResourceKind.EventDefinition, "order.placed", Sample("events/order.placed.json"), "e2", PublishedAt),
        ]);
        store.Setup(s => s.ListResourcesAsync(CatalogResourceKind.CustomAction, It.IsAny<CancellationToken>())).ReturnsAsync(
            [new StoredResource(CatalogResourceKind.CustomAction, "send-email", Sample("actions/send-email.json"), "a1", PublishedAt)]);
        store.Setup(s => s.ListResourcesAsync(CatalogResourceKind.DataSource, It.IsAny<CancellationToken>())).ReturnsAsync(
            [new StoredResource(CatalogResourceKind.DataSource, "loyalty", Sample("datasources/loyalty.json"), "d1", PublishedAt)]);
        var journey = Sample("journeys/abandoned-cart.json");
        store.Setup(s => s.ListJourneysAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [new StoredJourney("abandoned-cart", journey, "t1", PublishedAt, JourneyStatus.Live, 1, [new JourneyVersionSummary(1, JourneyVersionStatus.Live, PublishedAt, null)])]);
        store.Setup(s => s.GetJourneyVersionAsync("abandoned-cart", 1, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredJourneyVersion("abandoned-cart", 1, journey, PublishedAt));
        return store;
    }
}
