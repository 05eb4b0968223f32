using System.Text.Json;
using Journeys.Azure.Durable;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Core.Serialization;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Journeys.TestSupport.Connectors;

namespace Journeys.Azure.Tests.Durable;

/// <summary>Event Hubs batches through the shared routing: start, raise, discard and dead-letter decisions.</summary>
public sealed class AzureIngestionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly string CartC42 = InstanceIds.For("abandoned-cart", "c-42");

    private readonly InMemoryEventKeyStore keys = new();
    private readonly InMemoryExitStore exits = new();
    private readonly FakeInstanceGateway instances = new();
    private readonly InMemoryCounterStore counters = new();
    private readonly InMemoryDeadLetterStore deadLetters = new();
    private CartCatalog catalog = null!;
    private RoutingTable table = null!;

    public async Task InitializeAsync()
    {
        catalog = await CartCatalog.CreateAsync();
        table = await RoutingTable.BuildAsync(catalog.Journeys);
    }

    public Task DisposeAsync()
    {
        catalog.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_entry_event_starts_the_orchestration_of_its_journey_and_profile()
    {
        var summary = await IngestAsync(Cart("evt-1", "c-42"));

        var (instanceId, input) = Assert.Single(instances.Starts);
        Assert.Equal(CartC42, instanceId);
        Assert.StartsWith("j:abandoned-cart:", instanceId, StringComparison.Ordinal);
        Assert.Equal("abandoned-cart", input.JourneyId);
        Assert.Equal(1, input.Version);
        Assert.Equal("c-42", input.ProfileId);
        Assert.Equal(CartC42 + ":20260115T100000000", input.InstanceId);
        Assert.Equal("evt-1", input.Entry!.Value.GetProperty("id").GetString());
        Assert.Equal(["abandoned-cart"], Assert.Single(summary.Results).Entered);
        Assert.Equal(0, summary.DeadLettered);
    }

    [Fact]
    public async Task Starting_an_orchestration_reads_its_status_once_per_event()
    {
        await IngestAsync(Cart("evt-1", "c-42"));
        await IngestAsync(Cart("evt-2", "c-42"));

        // First event: one read (inactive), then a start without a second read. Second event: one read (active).
        Assert.Single(instances.Starts);
        Assert.Equal(2, instances.StatusReads[CartC42]);
    }

    [Fact]
    public async Task A_redelivered_event_is_a_counted_duplicate_and_starts_nothing_more()
    {
        var summary = await IngestAsync(Cart("evt-1", "c-42"), Cart("evt-1", "c-42"));

        Assert.Single(instances.Starts);
        Assert.Equal(DiscardReason.Duplicate, Assert.Single(summary.Results[1].Discarded).Reason);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "", "discarded:duplicate")]);
    }

    [Fact]
    public async Task A_profile_already_active_is_discarded_as_already_active()
    {
        instances.Active.Add(CartC42);

        var summary = await IngestAsync(Cart("evt-1", "c-42"));

        Assert.Empty(instances.Starts);
        Assert.Equal(DiscardReason.AlreadyActive, Assert.Single(Assert.Single(summary.Results).Discarded).Reason);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "", "discarded:alreadyActive")]);
    }

    [Fact]
    public async Task Re_entry_within_afterSeconds_of_the_last_exit_is_too_soon()
    {
        exits.Exits[("abandoned-cart", "c-42")] = Now.AddSeconds(-299);

        var summary = await IngestAsync(Cart("evt-1", "c-42"));

        Assert.Empty(instances.Starts);
        Assert.Equal(DiscardReason.ReentryTooSoon, Assert.Single(Assert.Single(summary.Results).Discarded).Reason);
    }

    [Fact]
    public async Task An_event_for_an_active_instance_is_raised_to_it_with_its_routing_time()
    {
        instances.Active.Add(CartC42);

        var summary = await IngestAsync(Order("evt-2", "c-42"));

        var (instanceId, eventName, payload) = Assert.Single(instances.Raised);
        Assert.Equal(CartC42, instanceId);
        Assert.Equal("event:order.placed", eventName);
        var envelope = OrchestrationJson.DeserializeEnvelope(payload);
        Assert.Equal("order.placed", envelope.EventId);
        Assert.Equal(Now, envelope.RaisedAt);
        Assert.Equal("evt-2", envelope.Event.GetProperty("id").GetString());
        Assert.Equal(["abandoned-cart"], Assert.Single(summary.Results).Resumed);
    }

    [Fact]
    public async Task An_event_for_a_profile_without_an_instance_is_not_raised()
    {
        var summary = await IngestAsync(Order("evt-2", "c-42"));

        Assert.Empty(instances.Raised);
        Assert.Empty(Assert.Single(summary.Results).Resumed);
    }

    [Fact]
    public async Task A_json_array_message_routes_each_event()
    {
        var summary = await IngestAsync($"[{Cart("evt-1", "c-1")}, {Cart("evt-2", "c-2")}]");

        Assert.Equal(2, summary.Results.Count);
        Assert.Equal([InstanceIds.For("abandoned-cart", "c-1"), InstanceIds.For("abandoned-cart", "c-2")], instances.Starts.Select(s => s.InstanceId));
    }

    [Fact]
    public async Task A_malformed_message_is_dead_lettered_and_the_rest_of_the_batch_goes_on()
    {
        var summary = await IngestAsync("{ not json", Cart("evt-1", "c-42"));

        var (message, reason) = Assert.Single(deadLetters.Letters);
        Assert.Equal("{ not json", message);
        Assert.StartsWith("malformed JSON", reason, StringComparison.Ordinal);
        Assert.Single(instances.Starts);
        Assert.Equal(1, summary.DeadLettered);
    }

    [Fact]
    public async Task An_event_whose_routing_throws_is_dead_lettered_with_the_reason_and_others_still_start()
    {
        instances.FailFor = InstanceIds.For("abandoned-cart", "c-1");

        var summary = await IngestAsync(Cart("evt-1", "c-1"), Cart("evt-2", "c-2"));

        var (message, reason) = Assert.Single(deadLetters.Letters);
        Assert.Contains("\"evt-1\"", message, StringComparison.Ordinal);
        Assert.Equal("routing failed: InvalidOperationException: storage unavailable", reason);
        Assert.Equal([InstanceIds.For("abandoned-cart", "c-2")], instances.Starts.Select(s => s.InstanceId));
        Assert.Equal(1, summary.DeadLettered);
    }

    [Fact]
    public async Task A_non_object_event_is_dead_lettered()
    {
        var summary = await IngestAsync("[42]");

        Assert.Equal("an event must be a JSON object", Assert.Single(deadLetters.Letters).Reason);
        Assert.Equal(1, summary.DeadLettered);
    }

    [Fact]
    public async Task An_invalid_event_is_a_counted_discard_not_a_dead_letter()
    {
        var summary = await IngestAsync("""{ "id": "evt-9", "type": "cart.abandoned", "customer": { "id": "c-42" } }""");

        Assert.Equal(DiscardReason.InvalidEvent, Assert.Single(Assert.Single(summary.Results).Discarded).Reason);
        Assert.Empty(deadLetters.Letters);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "", "discarded:invalidEvent")]);
    }

    [Fact]
    public async Task When_the_routing_table_cannot_be_loaded_every_message_is_dead_lettered_with_the_reason()
    {
        var ingestion = new AzureIngestion(keys, exits, counters, deadLetters, new ManualClock(Now));

        var summary = await ingestion.IngestOrDeadLetterAsync(_ => throw new InvalidOperationException("table service unreachable"), [Cart("evt-1", "c-1"), "{ not json"], instances);

        Assert.Equal(2, summary.DeadLettered);
        Assert.Equal(
            ["routing table unavailable: InvalidOperationException: table service unreachable", "routing table unavailable: InvalidOperationException: table service unreachable"],
            deadLetters.Letters.Select(l => l.Reason));
        Assert.Equal("{ not json", deadLetters.Letters[1].Message);
        Assert.Empty(instances.Starts);
    }

    [Fact]
    public async Task With_a_routing_table_the_safe_batch_routes_as_usual()
    {
        var ingestion = new AzureIngestion(keys, exits, counters, deadLetters, new ManualClock(Now));

        var summary = await ingestion.IngestOrDeadLetterAsync(_ => Task.FromResult(table), [Cart("evt-1", "c-42")], instances);

        Assert.Equal(0, summary.DeadLettered);
        Assert.Equal(CartC42, Assert.Single(instances.Starts).InstanceId);
    }

    [Fact]
    public async Task A_live_journey_that_no_longer_compiles_answers_its_entry_events_with_the_embedded_hosts_discard()
    {
        table = await ChangeCartAbandonedBehindTheCatalogAsync();

        var summary = await IngestAsync(Cart("evt-1", "c-42").Replace("120.5", "\"120.5\"", StringComparison.Ordinal));

        Assert.Empty(instances.Starts);
        var discard = Assert.Single(Assert.Single(summary.Results).Discarded);
        Assert.Equal((DiscardReason.JourneyUnavailable, "abandoned-cart"), (discard.Reason, discard.Journey));
        Assert.Contains("cannot be compiled", discard.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "", "discarded:journeyUnavailable")]);
    }

    [Fact]
    public async Task An_event_for_an_instance_whose_version_no_longer_compiles_is_raised_to_it_to_run_on_its_snapshot()
    {
        instances.Active.Add(CartC42);
        table = await ChangeCartAbandonedBehindTheCatalogAsync();

        var summary = await IngestAsync(Order("evt-2", "c-42"));

        Assert.Equal(CartC42, Assert.Single(instances.Raised).InstanceId);
        Assert.Equal(["abandoned-cart"], Assert.Single(summary.Results).Resumed);
    }

    /// <summary>cart.abandoned's total becomes text without the catalog's checks (another writer): abandoned-cart v1 no longer compiles.</summary>
    private async Task<RoutingTable> ChangeCartAbandonedBehindTheCatalogAsync()
    {
        var store = await SqliteCatalogStore.OpenAsync(catalog.Database);
        var definition = ContractJson.ReadEventDefinition(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "events", "cart.abandoned.json"))).Value!;
        definition.Fields!["cart.total"] = FieldType.String;
        await store.PutResourceAsync(CatalogResourceKind.EventDefinition, "cart.abandoned", ContractJson.Write(definition), WriteCondition.None, Now, CancellationToken.None);
        return await RoutingTable.BuildAsync(new JourneyCatalog(store));
    }

    private Task<IngestBatchSummary> IngestAsync(params string[] messages) =>
        new AzureIngestion(keys, exits, counters, deadLetters, new ManualClock(Now)).IngestBatchAsync(table, messages, instances);

    private static string Cart(string id, string profile) => JsonSerializer.Serialize(new
    {
        id,
        type = "cart.abandoned",
        customer = new { id = profile, email = "ada@example.com" },
        cart = new { id = "cart-9", total = 120.5 },
    });

    private static string Order(string id, string profile) => JsonSerializer.Serialize(new
    {
        id,
        type = "order.placed",
        customer = new { id = profile },
        cart = new { id = "cart-9" },
        order = new { id = "o-1" },
    });
}
