using Journeys.Core.Execution;
using Journeys.Core.Serialization;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>Jumps on the embedded engine: an entry into the target under the target's entry rules, in one transaction.</summary>
public sealed class JumpEngineTests
{
    [Fact]
    public async Task A_jump_the_targets_reentry_rule_refuses_completes_with_the_rule_and_is_a_discard_of_the_target()
    {
        await using var harness = await EngineHarness.StartAsync();
        await DefineAsync(harness, "welcome-once", """
            { "name": "welcome once", "entry": "cart.abandoned", "start": "done", "reentry": { "allowed": false },
              "nodes": { "done": { "type": "end" } } }
            """);
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80));
        await harness.WaitUntilIdleAsync();
        await DefineAsync(harness, "hopper", """
            { "name": "hopper", "entry": "cart.abandoned", "start": "hop", "nodes": { "hop": { "type": "jump", "journey": "welcome-once" } } }
            """);

        // c1 has been through welcome-once: the second cart is refused there directly, and hopper's jump is too.
        var results = await harness.IngestAsync(EngineHarness.CartAbandoned("e2", "c1", "cart-2", 80));
        await harness.WaitUntilIdleAsync();

        Assert.Equal(["hopper"], Assert.Single(results).Entered);
        var hopper = await harness.Engine.GetInstanceAsync("hopper", "c1");
        Assert.Equal(InstanceStatus.Completed, hopper!.Status);
        var skipped = Assert.Single(hopper.Steps, s => s.Kind == StepEventKind.JumpSkipped);
        Assert.Equal("skippedReentryNotAllowed", skipped.Outcome);
        Assert.Equal("Journey 'welcome-once' does not allow the profile to enter again.", skipped.Message);
        var target = Assert.Single((await harness.Engine.GetReportAsync("welcome-once"))!.Versions);
        Assert.Equal(1, target.Entered);
        Assert.Equal(2, target.Discarded["reentryNotAllowed"]);
    }

    [Fact]
    public async Task A_jump_the_target_allows_enters_it_for_the_profile()
    {
        await using var harness = await EngineHarness.StartAsync();

        // No reentry block: the profile may enter again at once after an instance ended.
        await DefineAsync(harness, "welcome-again", """
            { "name": "welcome again", "entry": "cart.abandoned", "start": "done", "nodes": { "done": { "type": "end" } } }
            """);
        await DefineAsync(harness, "hopper", """
            { "name": "hopper", "entry": "cart.abandoned", "start": "hop", "nodes": { "hop": { "type": "jump", "journey": "welcome-again" } } }
            """);

        // The cart enters both journeys; hopper's jump then enters welcome-again a second time.
        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 80));
        await harness.WaitUntilIdleAsync();

        var hopper = await harness.Engine.GetInstanceAsync("hopper", "c1");
        Assert.Equal(InstanceStatus.Completed, hopper!.Status);
        Assert.DoesNotContain(hopper.Steps, s => s.Kind == StepEventKind.JumpSkipped);
        var target = Assert.Single((await harness.Engine.GetReportAsync("welcome-again"))!.Versions);
        Assert.Equal((2, 2), (target.Entered, target.Completed));
    }

    private static async Task DefineAsync(EngineHarness harness, string id, string json)
    {
        var put = await harness.Catalog.Journeys.PutDraftAsync(id, ContractJson.ReadJourney(json).Value!);
        Assert.True(put.Succeeded, put.Failure?.Message);
        await harness.PublishAsync(id);
    }
}
