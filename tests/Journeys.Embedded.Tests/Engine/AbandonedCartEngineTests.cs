using Journeys.Core.Execution;
using Journeys.Core.Routing;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>The SPEC §2 abandoned-cart journey on the embedded engine: real SQLite file, real HTTP on loopback.</summary>
public sealed class AbandonedCartEngineTests
{
    [Fact]
    public async Task A_gold_shopper_who_does_not_order_gets_the_discounted_email_once()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.PublishAsync("abandoned-cart");

        var results = await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c2", "cart-1", 100));
        await harness.WaitUntilIdleAsync();

        var result = Assert.Single(results);
        Assert.Equal(["cart.abandoned"], result.Matched);
        Assert.Equal(["abandoned-cart"], result.Entered);
        Assert.Equal("e1", result.EventKey);
        var mail = Assert.Single(harness.Mailer.Requests);
        Assert.Equal("/send", mail.PathAndQuery);
        Assert.Equal("Bearer mailer-secret", mail.Header("Authorization"));
        Assert.Equal("c2@example.com", EngineHarness.Body(mail)["to"]!.GetValue<string>());
        Assert.Equal("You left 90 EUR behind", EngineHarness.Body(mail)["subject"]!.GetValue<string>());
        Assert.NotNull(mail.Header("Idempotency-Key"));
        var lookup = Assert.Single(harness.Loyalty.Requests);
        Assert.Equal("/members/c2", lookup.PathAndQuery);
        Assert.Equal("loyalty-secret", lookup.Header("x-api-key"));

        var report = await harness.Engine.GetReportAsync("abandoned-cart");
        var version = Assert.Single(report!.Versions);
        Assert.Equal((1, 0, 1, 0), (version.Entered, version.Active, version.Completed, version.Errored));
        Assert.Equal(1, version.Nodes["await-order"].Branches["timeout"]);
        Assert.Equal(1, version.Nodes["tier-check"].Branches["branches[0]"]);
        Assert.Equal((1, 1, 0), (version.Nodes["vip-email"].Entered, version.Nodes["vip-email"].Exited, version.Nodes["vip-email"].Errors));
        Assert.Equal(1, version.Nodes["vip-email"].Actions!.Calls);
        Assert.Equal(0, version.Nodes["await-order"].Waiting);
        Assert.False(version.Nodes.ContainsKey("std-email"));

        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c2");
        Assert.Equal(InstanceStatus.Completed, instance!.Status);
        Assert.Equal(StepEventKind.Started, instance.Steps[0].Kind);
        Assert.Equal(StepEventKind.Ended, instance.Steps[^1].Kind);
        Assert.Equal(Enumerable.Range(1, instance.Steps.Count).Select(i => (long)i), instance.Steps.Select(s => s.Sequence));
    }

    [Fact]
    public async Task A_silver_shopper_gets_the_standard_email_with_the_full_total()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80));
        await harness.WaitUntilIdleAsync();

        var mail = Assert.Single(harness.Mailer.Requests);
        Assert.Equal("You left 80 EUR behind", EngineHarness.Body(mail)["subject"]!.GetValue<string>());
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Nodes["tier-check"].Branches["otherwise"]);
    }

    [Fact]
    public async Task An_order_for_the_same_cart_resumes_the_instance_and_no_email_is_sent()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80));
        var other = await harness.IngestAsync(EngineHarness.OrderPlaced("e2", "c1", "another-cart"));
        var order = await harness.IngestAsync(EngineHarness.OrderPlaced("e3", "c1", "cart-1"));
        await harness.WaitUntilIdleAsync();

        Assert.Empty(Assert.Single(other).Resumed);
        Assert.Equal(["abandoned-cart"], Assert.Single(order).Resumed);
        Assert.Empty(harness.Mailer.Requests);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Completed);
        Assert.Equal(1, version.Nodes["await-order"].Branches["next"]);
    }

    [Fact]
    public async Task A_redelivered_event_is_discarded_as_a_duplicate()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");

        var first = await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80));
        var again = await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80));

        Assert.Equal(["abandoned-cart"], Assert.Single(first).Entered);
        var discard = Assert.Single(Assert.Single(again).Discarded);
        Assert.Equal(DiscardReason.Duplicate, discard.Reason);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(1, version.Entered);
        Assert.Equal(1, version.Discarded["duplicate"]);
    }

    [Fact]
    public async Task A_second_cart_while_active_is_discarded_as_already_active()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");

        var results = await harness.IngestAsync(
            EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80),
            EngineHarness.CartAbandoned("e2", "c1", "cart-2", 30));

        Assert.Equal(DiscardReason.AlreadyActive, Assert.Single(results[1].Discarded).Reason);
        Assert.Equal("abandoned-cart", results[1].Discarded[0].Journey);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal((1, 1), (version.Entered, version.Active));
        Assert.Equal(1, version.Discarded["alreadyActive"]);
        Assert.Equal(1, version.Nodes["await-order"].Waiting);
    }

    [Fact]
    public async Task Events_missing_required_fields_are_discarded_with_the_reason()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");

        var results = await harness.IngestAsync("""{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "c1" } }""", """[1]""", """{ "type": "unknown" }""");

        var invalid = Assert.Single(results[0].Discarded);
        Assert.Equal(DiscardReason.InvalidEvent, invalid.Reason);
        Assert.Contains("cart.id", invalid.Message, StringComparison.Ordinal);
        Assert.NotNull(results[1].Error);
        Assert.Empty(results[2].Matched);
        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal(0, version.Entered);
        Assert.Equal(1, version.Discarded["invalidEvent"]);
    }

    [Fact]
    public async Task Stopping_the_journey_ends_waiting_instances_as_stopped()
    {
        await using var harness = await EngineHarness.StartAsync(timeScale: 1);
        await harness.PublishAsync("abandoned-cart");
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80), EngineHarness.CartAbandoned("e2", "c2", "cart-2", 80));

        await harness.Catalog.Journeys.StopAsync("abandoned-cart");

        var version = Assert.Single((await harness.Engine.GetReportAsync("abandoned-cart"))!.Versions);
        Assert.Equal((2, 0, 2), (version.Entered, version.Active, version.Stopped));
        Assert.Equal(0, version.Nodes["await-order"].Waiting);
        Assert.Equal(InstanceStatus.Stopped, (await harness.Engine.GetInstanceAsync("abandoned-cart", "c1"))!.Status);
    }
}
