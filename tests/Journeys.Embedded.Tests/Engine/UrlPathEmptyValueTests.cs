using Journeys.Core.Execution;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>
/// Issue 11 (item 2's leftover): a template value that renders empty while being a whole URL path segment would make
/// <c>//</c> or a trailing '/', a path the definition never named. It is refused before sending, like a '.' or '..'
/// value, with <c>CONNECTOR_URL_PATH_SEGMENT</c> and an error step that names the placeholder.
/// </summary>
public sealed class UrlPathEmptyValueTests
{
    // No customer.email (it is optional): the action's params.email renders empty.
    private const string CartWithoutEmail =
        """{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "c1" }, "cart": { "id": "cart-1", "total": 50 }, "occurredAt": "2026-11-23T10:00:00Z" }""";

    [Fact]
    public async Task An_empty_value_as_a_whole_action_url_segment_is_refused_and_nothing_is_sent()
    {
        await using var harness = await EngineHarness.StartAsync();
        var action = (await harness.Catalog.Actions.GetAsync("send-email")).Value!.Body;
        action.Url = harness.Mailer.BaseUri + "send/{{params.email}}";
        Assert.True((await harness.Catalog.Actions.PutAsync("send-email", action)).Succeeded);
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(CartWithoutEmail);
        await harness.WaitUntilIdleAsync();

        Assert.Equal(0, harness.Mailer.RequestCount);
        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        var result = Assert.Single(instance!.Steps, s => s.Kind == StepEventKind.ActionResult);
        Assert.Equal("CONNECTOR_URL_PATH_SEGMENT", result.Code);
        Assert.Contains("params.email", result.Message, StringComparison.Ordinal);
        Assert.Contains("empty", result.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Errored, instance.Status);
    }

    [Fact]
    public async Task An_empty_value_as_a_whole_data_source_path_segment_is_refused_and_the_key_is_sent_nowhere()
    {
        await using var harness = await EngineHarness.StartAsync();
        var source = (await harness.Catalog.DataSources.GetAsync("loyalty")).Value!.Body;
        source.FieldGroups!["tier"].Path = "/members/{profile.id}/{entry.cart.coupon}";
        Assert.True((await harness.Catalog.DataSources.PutAsync("loyalty", source)).Succeeded);
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 50));
        await harness.WaitUntilIdleAsync();

        Assert.Equal(0, harness.Loyalty.RequestCount);
        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        Assert.Equal(InstanceStatus.Errored, instance!.Status);
        var error = Assert.Single(instance.Steps, s => s.Kind == StepEventKind.Error);
        Assert.Equal("CONNECTOR_URL_PATH_SEGMENT", error.Code);
        Assert.Contains("entry.cart.coupon", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Mailer.RequestCount);
    }
}
