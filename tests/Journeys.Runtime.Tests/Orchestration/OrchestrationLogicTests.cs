using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.TestSupport.Orchestration;
using static Journeys.TestSupport.Orchestration.CartJourney;

namespace Journeys.Runtime.Tests.Orchestration;

/// <summary>
/// The logic version in the orchestration input: instances started before it existed run version 1 with exactly
/// the calls they made before, new instances the current version, and continue-as-new keeps whichever an instance has.
/// </summary>
public sealed class OrchestrationLogicTests
{
    [Fact]
    public void An_input_written_before_the_logic_version_existed_runs_version_1()
    {
        var json = OrchestrationJson.Serialize(NewInput());

        Assert.DoesNotContain("logicVersion", json, StringComparison.Ordinal);
        Assert.Equal(1, OrchestrationLogic.Of(OrchestrationJson.DeserializeInput(json)));
    }

    [Fact]
    public void A_new_instance_gets_the_current_logic_version_in_its_input()
    {
        var input = OrchestrationInput.NewInstance("abandoned-cart", 1, "c-42", "run", Json(MatchingOrder));

        Assert.Equal(4, OrchestrationLogic.Current);
        Assert.Contains("\"logicVersion\":4", OrchestrationJson.Serialize(input), StringComparison.Ordinal);
        Assert.Equal(4, OrchestrationLogic.Of(OrchestrationJson.DeserializeInput(OrchestrationJson.Serialize(input))));
    }

    [Fact]
    public async Task Logic_1_races_a_new_timer_and_stop_wait_for_every_ignored_event()
    {
        var port = IgnoredOrderThenTimeout();

        await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput());

        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "wait until 11:00 or event:order.placed",
                "wait until 11:00 or event:order.placed",
            ],
            port.Calls.Take(3));
    }

    [Fact]
    public async Task Logic_2_keeps_one_timer_and_stop_wait_across_ignored_events()
    {
        var port = IgnoredOrderThenTimeout();

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput() with { LogicVersion = 2 });

        Assert.Equal(
            [
                "record started await-order, entered await-order, waiting await-order event",
                "begin wait until 11:00 or event:order.placed",
                "next event",
                "next event",
                "end wait",
                "record resumed await-order timeout, exited await-order, entered tier-check, waiting tier-check data",
            ],
            port.Calls.Take(6));
        Assert.Equal(InstanceStatus.Completed, result.State.Status);
    }

    [Theory]
    [InlineData(2, "fetch loyalty.tier /members/")]
    [InlineData(3, "record resumed await-order timeout, exited await-order, entered tier-check, error tier-check")]
    public async Task An_empty_path_segment_fails_the_node_from_logic_3_and_is_fetched_as_before_under_older_logic(int logic, string after)
    {
        // The loyalty path is /members/{profile.id}: an empty profile id leaves an empty last segment.
        var port = new FakeOrchestrationPort(T0).ThenTimer(T0.AddHours(1)).ThenData("{}", T0.AddHours(1).AddSeconds(1)).ThenAction(ActionStatus.Ok, 202, T0.AddHours(1).AddSeconds(2));

        await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput() with { ProfileId = string.Empty, LogicVersion = logic });

        Assert.StartsWith(after, port.Calls[logic == 2 ? 5 : 4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_logic_4_a_stop_raised_while_an_action_runs_is_seen_only_by_the_next_wait()
    {
        // Logic 3 never reads the execution's stop wait (it would be a call its histories do not have): the action's
        // result is applied, as those instances did.
        var port = JourneyOrchestrationLoopTests.GoldMemberScript(new FakeOrchestrationPort(T0) { StopDuringActionCall = true });

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput() with { LogicVersion = 3 });

        Assert.Equal(InstanceStatus.Completed, result.State.Status);
        Assert.Contains(port.Records.SelectMany(r => r.Events), e => e.Kind == StepEventKind.ActionResult);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(2, 2)]
    public async Task Continue_as_new_keeps_the_instance_logic_version(int? started, int? carried)
    {
        var options = new OrchestrationOptions { MaxOperationsPerGeneration = 3 };
        var port = new FakeOrchestrationPort(T0)
            .ThenEvent("order.placed", T0.AddMinutes(1), OtherCartOrder)
            .ThenEvent("order.placed", T0.AddMinutes(2), OtherCartOrder);

        var result = await JourneyOrchestrationLoop.RunAsync(port, Compiled, NewInput() with { LogicVersion = started }, options);

        Assert.True(result.ContinuedAsNew);
        Assert.Equal(carried, port.ContinuedWith!.LogicVersion);
        using var written = JsonDocument.Parse(OrchestrationJson.Serialize(port.ContinuedWith));
        Assert.Equal(carried is not null, written.RootElement.TryGetProperty("logicVersion", out _));
    }

    private static FakeOrchestrationPort IgnoredOrderThenTimeout() => new FakeOrchestrationPort(T0)
        .ThenEvent("order.placed", T0.AddMinutes(10), OtherCartOrder)
        .ThenTimer(T0.AddHours(1))
        .ThenData("""{ "tier": "silver" }""", T0.AddHours(1).AddSeconds(1))
        .ThenAction(ActionStatus.Ok, 202, T0.AddHours(1).AddSeconds(2));
}
