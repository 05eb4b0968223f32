using System.Text.Json.Nodes;
using Journeys.Azure.Durable;
using Journeys.Runtime.Orchestration;
using Microsoft.DurableTask;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Every committed golden history replays against the current orchestrator code (the check Durable makes when a
/// deploy lands in the middle of running instances), and the replayer does catch a change of behaviour.
/// </summary>
public sealed class GoldenHistoryTests
{
    public static TheoryData<string> Histories() => [.. HistoryFiles.Committed()];

    [Theory]
    [MemberData(nameof(Histories))]
    public void A_committed_history_replays_against_the_current_code(string name) =>
        HistoryReplayer.Replay(HistoryFiles.Read(name), GoldenHistories.Orchestrator);

    [Fact]
    public void Every_logic_version_has_histories_of_the_three_samples_and_their_main_paths_with_inputs_of_that_version()
    {
        var names = HistoryFiles.Committed().ToList();

        Assert.Equal(Enumerable.Range(1, OrchestrationLogic.Current), names.Select(HistoryFiles.LogicVersion).Distinct().Order());
        foreach (var version in names.GroupBy(HistoryFiles.LogicVersion))
        {
            var histories = version.Select(HistoryFiles.Read).ToList();
            var executions = histories.SelectMany(h => h.Orchestrations).SelectMany(o => o.Executions).ToList();
            var calls = executions.SelectMany(g => g.Timeline).ToList();
            Assert.Equal(
                ["abandoned-cart", "payment-failed", "welcome-series"],
                histories.SelectMany(h => h.Orchestrations).Select(o => o.InstanceId.Split(':')[1]).Distinct().Order(StringComparer.Ordinal));
            Assert.All(executions, g => Assert.Equal(version.Key, OrchestrationLogic.Of(OrchestrationJson.DeserializeInput(g.Input.ToJsonString()))));
            Assert.Contains(calls, c => c.Kind == HistoryEntryKind.Activity && c.Name == "FetchData");
            Assert.Contains(calls, c => c.Kind == HistoryEntryKind.Activity && c.Name == "CallAction");
            Assert.Contains(calls, c => c.Kind == HistoryEntryKind.ContinueAsNew && c.PreserveUnprocessedEvents);
            Assert.Contains(calls, c => c.Kind == HistoryEntryKind.Completed && c.Synchronously);
            Assert.Contains(calls, c => c.Kind == HistoryEntryKind.Completed && c.Payload?.ToJsonString().Contains("\"attempts\":4", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void A_history_of_an_instance_started_before_a_change_replays_because_the_change_is_gated_on_its_logic_version()
    {
        // Logic 2 keeps the timer across ignored events. An instance started under logic 1 (no logicVersion in its
        // input) that ignored an event replays; the same history read as logic 2, i.e. the change without its gate,
        // would have failed it after the deploy, at the first call made after the ignored event.
        var history = HistoryFiles.Read("logic1/abandoned-cart-order");
        HistoryReplayer.Replay(history, GoldenHistories.Orchestrator);

        var ungated = AlterGenerations(history, g => g with { Input = WithLogicVersion(g.Input, 2) });
        var divergence = Assert.Throws<ReplayDivergenceException>(() => HistoryReplayer.Replay(ungated, GoldenHistories.Orchestrator));

        Assert.EndsWith("the history has\n  cancel of call #3\nbut the orchestrator made\n  call #6: wait for event 'event:order.placed'.", divergence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_whose_recorded_call_differs_from_the_code_fails_at_that_call_naming_both()
    {
        var history = HistoryFiles.Read("logic2/abandoned-cart-timeout");
        var altered = Alter(history, entry => entry is { Kind: HistoryEntryKind.Activity, Name: "FetchData" }
            ? entry with { Name = "CallAction" }
            : entry);

        var divergence = Assert.Throws<ReplayDivergenceException>(() => HistoryReplayer.Replay(altered, GoldenHistories.Orchestrator));

        Assert.Matches(@"the history has\n  call #(\d+): activity CallAction \{.+\}\nbut the orchestrator made\n  call #\1: activity FetchData \{", divergence.Message);
    }

    [Fact]
    public void A_loop_that_issues_other_calls_for_the_same_history_fails_the_replay()
    {
        // A real change to the loop: continuing as new after 2 operations instead of 20. The order history's
        // generation does more than 2, so after the ignored event the changed loop ends its wait (cancelling the
        // timer) to continue as new, where the history waited for the next event.
        var history = HistoryFiles.Read("logic2/abandoned-cart-order");

        var divergence = Assert.Throws<ReplayDivergenceException>(() => HistoryReplayer.Replay(history, context => LoopWithShortGenerations(context, 2)));

        Assert.Contains("the history has\n  call #6: wait for event 'event:order.placed'\nbut the orchestrator made\n  cancel of call #3", divergence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_that_goes_on_after_the_orchestrator_returned_fails_the_replay()
    {
        var longer = AlterGenerations(HistoryFiles.Read("logic2/welcome-series"), g => g with
        {
            Timeline = [.. g.Timeline, new HistoryEntry { Kind = HistoryEntryKind.Timer, Call = 99, At = g.StartedAt }],
        });

        var divergence = Assert.Throws<ReplayDivergenceException>(() => HistoryReplayer.Replay(longer, GoldenHistories.Orchestrator));

        Assert.Contains("call #99: timer until", divergence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_changed_in_the_history_changes_the_calls_and_the_replay_says_where()
    {
        // The loyalty service answered "gold" in the recording: with "silver" the condition takes std-email, so the
        // step the orchestrator records next differs from the recorded one.
        var history = Alter(HistoryFiles.Read("logic2/abandoned-cart-timeout"), entry =>
            entry.Kind == HistoryEntryKind.Completed && entry.Payload?.ToJsonString().Contains("\"gold\"", StringComparison.Ordinal) == true
                ? entry with { Payload = JsonNode.Parse(entry.Payload.ToJsonString().Replace("\"gold\"", "\"silver\"", StringComparison.Ordinal)) }
                : entry);

        var divergence = Assert.Throws<ReplayDivergenceException>(() => HistoryReplayer.Replay(history, GoldenHistories.Orchestrator));

        Assert.Contains("the history has\n  call #8: activity RecordSteps {", divergence.Message, StringComparison.Ordinal);
        Assert.Contains("\"node\":\"vip-email\"", divergence.Message, StringComparison.Ordinal);
        Assert.Contains("\"node\":\"std-email\"", divergence.Message, StringComparison.Ordinal);
    }

    private static Task LoopWithShortGenerations(TaskOrchestrationContext context, int maxOperations)
    {
        var input = OrchestrationJson.DeserializeInput(context.GetInput<string>()!);
        return JourneyOrchestration.RunAsync(new DurableOrchestrationPort(context), input, new CompiledJourneyCache(), maxOperations);
    }

    private static JsonNode WithLogicVersion(JsonNode input, int version)
    {
        var copy = input.DeepClone();
        copy["logicVersion"] = version;
        return copy;
    }

    private static OrchestrationHistory Alter(OrchestrationHistory history, Func<HistoryEntry, HistoryEntry> alter) =>
        AlterGenerations(history, g => g with { Timeline = [.. g.Timeline.Select(alter)] });

    private static OrchestrationHistory AlterGenerations(OrchestrationHistory history, Func<HistoryGeneration, HistoryGeneration> alter) => history with
    {
        Orchestrations = [.. history.Orchestrations.Select(o => o with { Executions = [.. o.Executions.Select(alter)] })],
    };
}
