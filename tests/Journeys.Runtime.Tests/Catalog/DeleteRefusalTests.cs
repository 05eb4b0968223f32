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
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");

        var entry = await h.Service.DeleteEventDefinitionAsync("cart.abandoned");
        var waited = await h.Service.DeleteEventDefinitionAsync("order.placed");
        var action = await h.Service.DeleteCustomActionAsync("send-email");
        var source = await h.Service.DeleteDataSourceAsync("loyalty");

        foreach (var refused in new[] { entry.Failure, waited.Failure, action.Failure, source.Failure })
        {
            Assert.NotNull(refused);
            Assert.Equal("IN_USE", refused.Code);
            Assert.Equal(["cart"], refused.UsedBy);
        }

        Assert.Equal(4, (await h.Service.ListEventDefinitionsAsync()).Count + (await h.Service.ListCustomActionsAsync()).Count + (await h.Service.ListDataSourcesAsync()).Count);
    }

    [Fact]
    public async Task Every_live_journey_using_the_resource_is_listed()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Service.PutJourneyDraftAsync("thanks", Samples.ThankYou());
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("thanks");
        await h.Service.PublishJourneyAsync("cart");

        var refused = await h.Service.DeleteEventDefinitionAsync("order.placed");

        Assert.Equal(["cart", "thanks"], refused.Failure?.UsedBy);
    }

    [Fact]
    public async Task A_resource_used_only_by_a_draft_can_be_deleted()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());

        Assert.True((await h.Service.DeleteCustomActionAsync("send-email")).Succeeded);
    }

    [Fact]
    public async Task What_only_the_new_draft_uses_is_free_while_the_live_version_does_not_use_it()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.ThankYou());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());

        Assert.True((await h.Service.DeleteCustomActionAsync("send-email")).Succeeded);
        Assert.Equal("IN_USE", (await h.Service.DeleteEventDefinitionAsync("order.placed")).Failure?.Code);
    }

    [Fact]
    public async Task After_close_or_stop_the_resources_can_be_deleted()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PutJourneyDraftAsync("thanks", Samples.ThankYou());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.PublishJourneyAsync("thanks");
        await h.Service.CloseJourneyAsync("cart");
        await h.Service.StopJourneyAsync("thanks");

        Assert.True((await h.Service.DeleteCustomActionAsync("send-email")).Succeeded);
        Assert.True((await h.Service.DeleteEventDefinitionAsync("order.placed")).Succeeded);
    }

    [Fact]
    public async Task A_data_source_counts_only_when_read_as_data_dot_id()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutDataSourceAsync("loyalty", Samples.Loyalty());
        await h.Service.PutDataSourceAsync("tier", Samples.Loyalty());
        await h.Service.PutDataSourceAsync("crm", Samples.Loyalty());
        await h.Service.PutJourneyDraftAsync("j", JourneyWithCondition("entry.metadata.tier == 'x' || data.loyalty2.a.b == 1 || data['crm'].g.f == 2"));
        await h.Service.PublishJourneyAsync("j");

        Assert.True((await h.Service.DeleteDataSourceAsync("loyalty")).Succeeded);
        Assert.True((await h.Service.DeleteDataSourceAsync("tier")).Succeeded);
        Assert.Equal("IN_USE", (await h.Service.DeleteDataSourceAsync("crm")).Failure?.Code);
    }

    [Fact]
    public async Task The_in_use_check_comes_after_the_etag_precondition()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.PutCartConfigurationAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");

        Assert.Equal("PRECONDITION_FAILED", (await h.Service.DeleteCustomActionAsync("send-email", WriteCondition.IfMatch("stale"))).Failure?.Code);
    }

    private static Journey JourneyWithCondition(string when) => ContractJson.ReadJourney($$"""
        { "name": "j", "entry": "e", "start": "c",
          "nodes": { "c": { "type": "condition", "branches": [ { "when": "{{when}}", "next": "done" } ], "otherwise": "done" },
                     "done": { "type": "end" } } }
        """).Value!;
}
