using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Core.Serialization;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>
/// Issue 11 item 3, SPEC §5 "an event never gets an empty result": editing an event definition that a running journey
/// uses must not silently stop that journey. An edit that would stop a running version from compiling is refused
/// (409 BREAKS_JOURNEY, naming the journeys); a journey that cannot run anyway (its configuration was changed behind
/// the catalog's back) answers each matching event with a counted, reasoned discard.
/// </summary>
public sealed class DefinitionEditTests
{
    [Fact]
    public async Task Changing_a_field_type_a_live_journey_relies_on_is_refused_and_the_journey_keeps_entering()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.PublishAsync("abandoned-cart");

        var edit = await harness.Catalog.Events.PutAsync("cart.abandoned", CartAbandonedWithTextTotal());

        Assert.False(edit.Succeeded);
        Assert.Equal(CatalogErrorCodes.BreaksJourney, edit.Failure!.Code);
        Assert.Equal(["abandoned-cart"], edit.Failure.UsedBy);
        Assert.Contains(edit.Failure.Issues, i => i.Message.Contains("abandoned-cart", StringComparison.Ordinal));
        var results = await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50));
        Assert.Equal(["abandoned-cart"], results[0].Entered);
    }

    [Fact]
    public async Task An_edit_that_keeps_the_journey_compiling_is_accepted()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.PublishAsync("abandoned-cart");
        var definition = (await harness.Catalog.Events.GetAsync("cart.abandoned")).Value!.Body;
        definition.Description = "edited";

        Assert.True((await harness.Catalog.Events.PutAsync("cart.abandoned", definition)).Succeeded);
    }

    [Fact]
    public async Task A_live_journey_that_no_longer_compiles_answers_its_entry_events_with_a_counted_reasoned_discard()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.PublishAsync("abandoned-cart");
        await ChangeBehindTheCatalogAsync(harness);

        var textTotal = EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50).Replace("\"total\": 50", "\"total\": \"50\"", StringComparison.Ordinal);
        var results = await harness.IngestAsync(textTotal);

        var result = results[0];
        Assert.Equal(["cart.abandoned"], result.Matched);
        Assert.Empty(result.Entered);
        var discard = Assert.Single(result.Discarded);
        Assert.Equal((DiscardReason.JourneyUnavailable, "abandoned-cart"), (discard.Reason, discard.Journey));
        Assert.Contains("cannot be compiled", discard.Message, StringComparison.Ordinal);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Discarded["journeyUnavailable"]);
    }

    [Fact]
    public async Task An_event_for_an_instance_waiting_on_a_version_that_no_longer_compiles_is_a_counted_reasoned_discard()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50));
        await ChangeBehindTheCatalogAsync(harness);

        var results = await harness.IngestAsync(EngineHarness.OrderPlaced("o1", "c1", "cart-1"));

        var result = results[0];
        Assert.Equal(["order.placed"], result.Matched);
        Assert.Empty(result.Resumed);
        var discard = Assert.Single(result.Discarded);
        Assert.Equal((DiscardReason.JourneyUnavailable, "abandoned-cart", "order.placed"), (discard.Reason, discard.Journey, discard.Event));
        Assert.Contains("cannot be compiled", discard.Message, StringComparison.Ordinal);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Discarded["journeyUnavailable"]);

        // The instance keeps waiting: a restored definition lets it go on.
        Assert.Equal(InstanceStatus.Active, (await harness.Engine.GetInstanceAsync("abandoned-cart", "c1"))!.Status);
    }

    [Fact]
    public async Task A_timer_of_an_instance_on_a_version_that_no_longer_compiles_ends_it_errored_with_the_reason()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50));

        // The one-hour order wait is due a tenth of a second after the restart.
        harness.TimeScaleOverride = 36_000;
        await ChangeBehindTheCatalogAsync(harness);
        await harness.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));

        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        Assert.Equal(InstanceStatus.Errored, instance!.Status);
        var error = Assert.Single(instance.Steps, s => s.Kind == StepEventKind.Error);
        Assert.Equal("JOURNEY_UNAVAILABLE", error.Code);
        Assert.Contains("cannot be compiled", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions).Errored);
    }

    /// <summary>Another writer (an older host, a restored backup) changes cart.abandoned without the catalog's checks; then the engine restarts.</summary>
    private static async Task ChangeBehindTheCatalogAsync(EngineHarness harness)
    {
        await harness.StopEngineAsync();
        using (var database = new SqliteDatabase(harness.DatabasePath))
        {
            var store = await SqliteCatalogStore.OpenAsync(database);
            await store.PutResourceAsync(
                CatalogResourceKind.EventDefinition, "cart.abandoned", ContractJson.Write(CartAbandonedWithTextTotal()), WriteCondition.None, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        await harness.OpenAsync();
    }

    private static EventDefinition CartAbandonedWithTextTotal()
    {
        var definition = ContractJson.ReadEventDefinition(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "events", "cart.abandoned.json"))).Value!;
        definition.Fields!["cart.total"] = FieldType.String;
        return definition;
    }
}
