using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Storage;

namespace Journeys.Runtime.Tests.Catalog;

public sealed class ResourceCrudTests
{
    [Fact]
    public async Task Put_creates_then_get_returns_the_body_etag_and_time()
    {
        using var h = await CatalogHarness.CreateAsync();

        var put = await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned());

        Assert.True(put.Succeeded);
        Assert.True(put.Value.Created);
        Assert.False(string.IsNullOrEmpty(put.Value.Value.ETag));
        var got = await h.Catalog.Events.GetAsync("cart.abandoned");
        Assert.True(got.Succeeded);
        Assert.Equal("cart.abandoned", got.Value.Id);
        Assert.Equal("Shopper left items in the cart", got.Value.Body.Description);
        Assert.Equal("customer.id", got.Value.Body.ProfileId);
        Assert.Equal(put.Value.Value.ETag, got.Value.ETag);
        Assert.Equal(CatalogHarness.Start, got.Value.UpdatedAt);
    }

    [Fact]
    public async Task Replace_with_the_current_etag_succeeds_and_issues_a_new_one()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v1"))).Value!.Value;
        h.Clock.Now = CatalogHarness.Start.AddMinutes(5);

        var second = await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v2"), WriteCondition.IfMatch(first.ETag));

        Assert.True(second.Succeeded);
        Assert.False(second.Value.Created);
        Assert.NotEqual(first.ETag, second.Value.Value.ETag);
        var got = (await h.Catalog.Events.GetAsync("cart.abandoned")).Value!;
        Assert.Equal("v2", got.Body.Description);
        Assert.Equal(CatalogHarness.Start.AddMinutes(5), got.UpdatedAt);
    }

    [Fact]
    public async Task Replace_accepts_the_quoted_header_form_of_the_etag()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail())).Value!.Value;

        var second = await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail(), WriteCondition.IfMatch(first.ETag));

        Assert.True(second.Succeeded);
    }

    [Fact]
    public async Task Replace_with_a_stale_etag_fails_412_and_keeps_the_stored_body()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v1"))).Value!.Value;
        Assert.True((await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v2"), WriteCondition.IfMatch(first.ETag))).Succeeded);

        var stale = await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v3"), WriteCondition.IfMatch(first.ETag));

        Assert.False(stale.Succeeded);
        Assert.Equal("PRECONDITION_FAILED", stale.Failure.Code);
        Assert.Equal("v2", (await h.Catalog.Events.GetAsync("cart.abandoned")).Value!.Body.Description);
    }

    [Fact]
    public async Task If_match_star_requires_the_resource_to_exist()
    {
        using var h = await CatalogHarness.CreateAsync();

        var missing = await h.Catalog.DataSources.PutAsync("loyalty", Samples.Loyalty(), WriteCondition.MustExist);
        Assert.Equal("PRECONDITION_FAILED", missing.Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.DataSources.GetAsync("loyalty")).Failure?.Code);

        Assert.True((await h.Catalog.DataSources.PutAsync("loyalty", Samples.Loyalty())).Succeeded);
        var present = await h.Catalog.DataSources.PutAsync("loyalty", Samples.Loyalty(), WriteCondition.MustExist);
        Assert.True(present.Succeeded);
        Assert.False(present.Value.Created);
    }

    [Fact]
    public async Task If_match_with_an_etag_on_a_missing_resource_fails_412()
    {
        using var h = await CatalogHarness.CreateAsync();

        var result = await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail(), WriteCondition.IfMatch("0123"));

        Assert.Equal("PRECONDITION_FAILED", result.Failure?.Code);
    }

    [Fact]
    public async Task List_returns_every_resource_of_the_kind_ordered_by_id()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Events.PutAsync("order.placed", Samples.OrderPlaced());
        await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned());
        await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail());

        var events = await h.Catalog.Events.ListAsync();
        var actions = await h.Catalog.Actions.ListAsync();
        var sources = await h.Catalog.DataSources.ListAsync();

        Assert.Equal(["cart.abandoned", "order.placed"], events.Select(e => e.Id));
        Assert.Equal(["send-email"], actions.Select(a => a.Id));
        Assert.Empty(sources);
    }

    [Fact]
    public async Task Kinds_are_separate_namespaces()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Events.PutAsync("same", Samples.CartAbandoned());

        Assert.Equal("NOT_FOUND", (await h.Catalog.Actions.GetAsync("same")).Failure?.Code);
        Assert.True((await h.Catalog.Actions.PutAsync("same", Samples.SendEmail())).Value!.Created);
    }

    [Fact]
    public async Task Delete_removes_the_resource()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail());

        var deleted = await h.Catalog.Actions.DeleteAsync("send-email");

        Assert.True(deleted.Succeeded);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Actions.GetAsync("send-email")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Actions.DeleteAsync("send-email")).Failure?.Code);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_412_and_keeps_the_resource()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail())).Value!.Value;
        var second = (await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail())).Value!.Value;

        var stale = await h.Catalog.Actions.DeleteAsync("send-email", WriteCondition.IfMatch(first.ETag));
        Assert.Equal("PRECONDITION_FAILED", stale.Failure?.Code);
        Assert.True((await h.Catalog.Actions.GetAsync("send-email")).Succeeded);

        Assert.True((await h.Catalog.Actions.DeleteAsync("send-email", WriteCondition.IfMatch(second.ETag))).Succeeded);
    }

    [Fact]
    public async Task A_recreated_resource_does_not_match_an_etag_from_before_the_delete()
    {
        using var h = await CatalogHarness.CreateAsync();
        var old = (await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail())).Value!.Value;
        await h.Catalog.Actions.DeleteAsync("send-email");
        await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail());

        var result = await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail(), WriteCondition.IfMatch(old.ETag));

        Assert.Equal("PRECONDITION_FAILED", result.Failure?.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("é")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcde")]
    public async Task Ids_outside_the_pattern_are_refused_with_ID_INVALID(string id)
    {
        using var h = await CatalogHarness.CreateAsync();

        var put = await h.Catalog.Events.PutAsync(id, Samples.CartAbandoned());
        var get = await h.Catalog.Actions.GetAsync(id);
        var draft = await h.Catalog.Journeys.PutDraftAsync(id, Samples.ThankYou());

        Assert.Equal("ID_INVALID", put.Failure?.Code);
        Assert.Equal("ID_INVALID", get.Failure?.Code);
        Assert.Equal("ID_INVALID", draft.Failure?.Code);
        Assert.Empty(await h.Catalog.Events.ListAsync());
    }

    [Fact]
    public async Task An_id_of_64_allowed_characters_is_accepted()
    {
        using var h = await CatalogHarness.CreateAsync();
        const string id = "A-b_c.9-A-b_c.9-A-b_c.9-A-b_c.9-A-b_c.9-A-b_c.9-A-b_c.9-A-b_c.9-";

        Assert.True((await h.Catalog.Events.PutAsync(id, Samples.CartAbandoned())).Succeeded);
    }

    [Fact]
    public async Task A_body_that_fails_validation_is_refused_400_with_its_issues_and_not_stored()
    {
        using var h = await CatalogHarness.CreateAsync();
        h.Validator.BodyRule = _ => FakeValidator.Errors("EXPR_PARSE");

        var result = await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned());

        Assert.Equal("INVALID", result.Failure?.Code);
        Assert.Equal(["EXPR_PARSE"], result.Failure!.Issues.Select(i => i.Code));
        Assert.Equal("NOT_FOUND", (await h.Catalog.Events.GetAsync("cart.abandoned")).Failure?.Code);
    }
}
