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

        // Another writer (an older host, a restored backup) changes the definition without the catalog's checks.
        await harness.StopEngineAsync();
        using (var database = new SqliteDatabase(harness.DatabasePath))
        {
            var store = await SqliteCatalogStore.OpenAsync(database);
            await store.PutResourceAsync(
                CatalogResourceKind.EventDefinition, "cart.abandoned", ContractJson.Write(CartAbandonedWithTextTotal()), WriteCondition.None, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        await harness.OpenAsync();
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

    private static EventDefinition CartAbandonedWithTextTotal()
    {
        var definition = ContractJson.ReadEventDefinition(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "events", "cart.abandoned.json"))).Value!;
        definition.Fields!["cart.total"] = FieldType.String;
        return definition;
    }
}
