using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Storage;

namespace Journeys.Runtime.Tests.Catalog;

public sealed class DeleteRefusalTests
{
    [Fact]
    public async Task Everything_the_live_version_uses_is_refused_409_with_the_journey_named()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");

        var entry = await h.Catalog.Events.DeleteAsync("cart.abandoned");
        var waited = await h.Catalog.Events.DeleteAsync("order.placed");
        var action = await h.Catalog.Actions.DeleteAsync("send-email");
        var source = await h.Catalog.DataSources.DeleteAsync("loyalty");

        foreach (var refused in new[] { entry.Failure, waited.Failure, action.Failure, source.Failure })
        {
            Assert.NotNull(refused);
            Assert.Equal("IN_USE", refused.Code);
            Assert.Equal(["cart"], refused.UsedBy);
        }

        Assert.Equal(4, (await h.Catalog.Events.ListAsync()).Count + (await h.Catalog.Actions.ListAsync()).Count + (await h.Catalog.DataSources.ListAsync()).Count);
    }

    [Fact]
    public async Task Every_live_journey_using_the_resource_is_listed()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Catalog.Journeys.PutDraftAsync("thanks", Samples.ThankYou());
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("thanks");
        await h.Catalog.Journeys.PublishAsync("cart");

        var refused = await h.Catalog.Events.DeleteAsync("order.placed");

        Assert.Equal(["cart", "thanks"], refused.Failure?.UsedBy);
    }

    [Fact]
    public async Task A_resource_used_only_by_a_draft_can_be_deleted()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());

        Assert.True((await h.Catalog.Actions.DeleteAsync("send-email")).Succeeded);
    }

    [Fact]
    public async Task What_only_the_new_draft_uses_is_free_while_the_live_version_does_not_use_it()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.ThankYou());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());

        Assert.True((await h.Catalog.Actions.DeleteAsync("send-email")).Succeeded);
        Assert.Equal("IN_USE", (await h.Catalog.Events.DeleteAsync("order.placed")).Failure?.Code);
    }

    [Fact]
    public async Task After_close_or_stop_the_resources_can_be_deleted()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PutDraftAsync("thanks", Samples.ThankYou());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.PublishAsync("thanks");
        await h.Catalog.Journeys.CloseAsync("cart");
        await h.Catalog.Journeys.StopAsync("thanks");

        Assert.True((await h.Catalog.Actions.DeleteAsync("send-email")).Succeeded);
        Assert.True((await h.Catalog.Events.DeleteAsync("order.placed")).Succeeded);
    }

    [Fact]
    public async Task A_data_source_counts_only_when_read_as_data_dot_id()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.DataSources.PutAsync("loyalty", Samples.Loyalty());
        await h.Catalog.DataSources.PutAsync("tier", Samples.Loyalty());
        await h.Catalog.DataSources.PutAsync("crm", Samples.Loyalty());
        await h.Catalog.Journeys.PutDraftAsync("j", JourneyWithCondition("entry.metadata.tier == 'x' || data.loyalty2.a.b == 1 || data['crm'].g.f == 2"));
        await h.Catalog.Journeys.PublishAsync("j");

        Assert.True((await h.Catalog.DataSources.DeleteAsync("loyalty")).Succeeded);
        Assert.True((await h.Catalog.DataSources.DeleteAsync("tier")).Succeeded);
        Assert.Equal("IN_USE", (await h.Catalog.DataSources.DeleteAsync("crm")).Failure?.Code);
    }

    [Fact]
    public async Task The_in_use_check_comes_after_the_etag_precondition()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");

        Assert.Equal("PRECONDITION_FAILED", (await h.Catalog.Actions.DeleteAsync("send-email", WriteCondition.IfMatch("stale"))).Failure?.Code);
    }

    private static Journey JourneyWithCondition(string when) => ContractJson.ReadJourney($$"""
        { "name": "j", "entry": "e", "start": "c",
          "nodes": { "c": { "type": "condition", "branches": [ { "when": "{{when}}", "next": "done" } ], "otherwise": "done" },
                     "done": { "type": "end" } } }
        """).Value!;
}
