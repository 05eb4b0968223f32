using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.TestSupport.Orchestration;
using static Journeys.TestSupport.Orchestration.CartJourney;

namespace Journeys.Runtime.Tests.Orchestration;

/// <summary>
/// The Durable replay guarantee: fed the history of a first run, the loop issues exactly the same calls, with the
/// same arguments, in the same order, and ends in byte-identical state.
/// </summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task Replaying_the_gold_member_history_issues_the_same_calls_and_ends_in_the_same_state()
    {
        var first = JourneyOrchestrationLoopTests.GoldMemberScript(new FakeOrchestrationPort(T0));
        var original = await JourneyOrchestrationLoop.RunAsync(first, Compiled, NewInput());

        var replay = FakeOrchestrationPort.Replaying(T0, first);
        var replayed = await JourneyOrchestrationLoop.RunAsync(replay, Compiled, NewInput());

        Assert.Equal(7, first.Calls.Count);
        Assert.Equal(first.Calls, replay.Calls);
        Assert.Equal(ExecutionJson.Serialize(original.State), ExecutionJson.Serialize(replayed.State));
        Assert.Equal(
            first.Records.Select(r => ExecutionJson.Serialize(r.Events)),
            replay.Records.Select(r => ExecutionJson.Serialize(r.Events)));
    }

    [Fact]
    public async Task Replaying_a_history_with_ignored_events_and_a_continue_as_new_repeats_it_exactly()
    {
        var options = new OrchestrationOptions { MaxOperationsPerGeneration = 4 };
        var first = new FakeOrchestrationPort(T0)
            .ThenEvent("order.placed", T0.AddMinutes(10), OtherCartOrder)
            .ThenTimer(T0.AddHours(1))
            .ThenData("""{ "tier": "gold" }""", T0.AddHours(1).AddSeconds(1));
        var original = await JourneyOrchestrationLoop.RunAsync(first, Compiled, NewInput(), options);

        var replay = FakeOrchestrationPort.Replaying(T0, first);
        var replayed = await JourneyOrchestrationLoop.RunAsync(replay, Compiled, NewInput(), options);

        Assert.True(original.ContinuedAsNew);
        Assert.Equal(first.Calls, replay.Calls);
        Assert.Equal(
            OrchestrationJson.Serialize(first.ContinuedWith!),
            OrchestrationJson.Serialize(replay.ContinuedWith!));
        Assert.Equal(first.PreservedEvents, replay.PreservedEvents);
        Assert.Equal(ExecutionJson.Serialize(original.State), ExecutionJson.Serialize(replayed.State));
    }
}
