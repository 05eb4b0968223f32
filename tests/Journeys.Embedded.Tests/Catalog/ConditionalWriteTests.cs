using Journeys.Catalog;

namespace Journeys.Storage.Sqlite.Tests.Catalog;

/// <summary>Write conditions with several ETags, create-only and excluded ETags, checked by the SQLite store inside its write transaction.</summary>
public sealed class ConditionalWriteTests
{
    [Fact]
    public async Task If_match_with_a_list_replaces_when_the_current_etag_is_any_of_them()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("v1"))).Value!.Value;

        var second = await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("v2"), WriteCondition.IfMatchAny(["other", first.ETag]));

        Assert.True(second.Succeeded);
        Assert.False(second.Value.Created);
        Assert.Equal("v2", (await h.Service.GetEventDefinitionAsync("cart.abandoned")).Value!.Body.Description);
    }

    [Fact]
    public async Task If_match_with_a_list_none_of_which_is_current_is_412_and_keeps_the_body()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("v1"));

        var refused = await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("v2"), WriteCondition.IfMatchAny(["x", "y"]));

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, refused.Failure?.Code);
        Assert.Equal(412, refused.Failure?.HttpStatus);
        Assert.Equal("v1", (await h.Service.GetEventDefinitionAsync("cart.abandoned")).Value!.Body.Description);
    }

    [Fact]
    public async Task Delete_with_a_list_deletes_on_a_hit_and_refuses_a_miss()
    {
        using var h = await CatalogHarness.CreateAsync();
        var put = (await h.Service.PutCustomActionAsync("send-email", Samples.SendEmail())).Value!.Value;

        var miss = await h.Service.DeleteCustomActionAsync("send-email", WriteCondition.IfMatchAny(["x", "y"]));
        Assert.Equal(CatalogErrorCodes.PreconditionFailed, miss.Failure?.Code);

        var hit = await h.Service.DeleteCustomActionAsync("send-email", WriteCondition.IfMatchAny(["x", put.ETag]));
        Assert.True(hit.Succeeded);
        Assert.Equal(CatalogErrorCodes.NotFound, (await h.Service.GetCustomActionAsync("send-email")).Failure?.Code);
    }

    [Fact]
    public async Task Must_not_exist_creates_a_journey_once_and_then_refuses_with_412()
    {
        using var h = await CatalogHarness.CreateAsync();

        var created = await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("first"), WriteCondition.MustNotExist);
        var again = await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("second"), WriteCondition.MustNotExist);

        Assert.True(created.Succeeded);
        Assert.True(created.Value.Created);
        Assert.Equal(CatalogErrorCodes.PreconditionFailed, again.Failure?.Code);
        Assert.Equal("first", (await h.Service.GetJourneyAsync("cart")).Value!.Draft.Name);
    }

    [Fact]
    public async Task Must_not_exist_refuses_to_replace_a_resource()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutDataSourceAsync("loyalty", Samples.Loyalty());

        var again = await h.Service.PutDataSourceAsync("loyalty", Samples.Loyalty(), WriteCondition.MustNotExist);

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, again.Failure?.Code);
    }

    [Fact]
    public async Task Excluded_etags_refuse_a_write_over_that_version_and_allow_it_over_another()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("v1"))).Value!.Value;

        var refused = await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("v2"), WriteCondition.None.ExceptETags([first.DraftETag]));
        var allowed = await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("v3"), WriteCondition.None.ExceptETags(["some-older-etag"]));

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, refused.Failure?.Code);
        Assert.True(allowed.Succeeded);
        Assert.Equal("v3", (await h.Service.GetJourneyAsync("cart")).Value!.Draft.Name);
    }

    [Fact]
    public async Task An_unsatisfiable_condition_never_writes()
    {
        using var h = await CatalogHarness.CreateAsync();
        Assert.True(WriteCondition.TryFromHeaders("*", "*", out var impossible));

        var absent = await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned(), impossible);
        await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("v1"));
        var present = await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("v2"), impossible);

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, absent.Failure?.Code);
        Assert.Equal(CatalogErrorCodes.PreconditionFailed, present.Failure?.Code);
        Assert.Equal("v1", (await h.Service.GetEventDefinitionAsync("cart.abandoned")).Value!.Body.Description);
    }
}
