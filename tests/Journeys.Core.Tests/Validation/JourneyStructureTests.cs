using Journeys.Core.Model;
using Journeys.Core.Validation;
using static Journeys.Core.Tests.Validation.ValidationAssert;

namespace Journeys.Core.Tests.Validation;

/// <summary>
/// Graph and structure rules. These journeys hold no expression and no duration, so they run without the
/// expression language; expression-dependent rules are in <see cref="ExpressionValidationTests"/>.
/// </summary>
public sealed class JourneyStructureTests
{
    private readonly InMemoryConfigurationLookup lookup = InMemoryConfigurationLookup.Sample();

    private ValidationResult Validate(Journey journey, string id = TestJourneys.Id) => JourneyValidator.Validate(id, journey, lookup);

    [Fact]
    public void Baseline_journey_has_no_errors_and_no_warnings()
    {
        NoIssues(Validate(TestJourneys.Baseline()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_name_is_an_error(string? name)
    {
        var journey = TestJourneys.Baseline();
        journey.Name = name;

        var error = SingleError(Validate(journey), "JOURNEY_NAME_MISSING", "$.name");
        Assert.Null(error.Node);
    }

    [Fact]
    public void Missing_entry_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Entry = null;

        SingleError(Validate(journey), "JOURNEY_ENTRY_MISSING", "$.entry");
    }

    [Fact]
    public void Undefined_entry_event_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Entry = "cart.abandonned";

        SingleError(Validate(journey), "JOURNEY_ENTRY_UNKNOWN", "$.entry");
    }

    [Fact]
    public void Missing_start_is_an_error_and_does_not_make_every_node_unreachable()
    {
        var journey = TestJourneys.Baseline();
        journey.Start = null;

        SingleError(Validate(journey), "JOURNEY_START_MISSING", "$.start");
    }

    [Fact]
    public void Start_that_is_not_a_node_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Start = "splitt";

        SingleError(Validate(journey), "JOURNEY_START_UNKNOWN", "$.start");
    }

    [Fact]
    public void Journey_without_nodes_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes = [];

        SingleError(Validate(journey), "JOURNEY_NODES_MISSING", "$.nodes");
    }

    [Fact]
    public void Fifty_nodes_are_allowed()
    {
        NoIssues(Validate(Chain(50)));
    }

    [Fact]
    public void Fifty_one_nodes_are_too_many()
    {
        SingleError(Validate(Chain(51)), "JOURNEY_TOO_MANY_NODES", "$.nodes");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(7862401L)]
    public void Journey_timeout_outside_one_second_to_91_days_is_an_error(long seconds)
    {
        var journey = TestJourneys.Baseline();
        journey.TimeoutSeconds = seconds;

        SingleError(Validate(journey), "JOURNEY_TIMEOUT_OUT_OF_RANGE", "$.timeoutSeconds");
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(7862400L)]
    public void Journey_timeout_bounds_are_allowed(long seconds)
    {
        var journey = TestJourneys.Baseline();
        journey.TimeoutSeconds = seconds;

        NoErrors(Validate(journey));
    }

    [Fact]
    public void Negative_reentry_delay_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Reentry = new ReentryPolicy { Allowed = true, AfterSeconds = -1 };

        SingleError(Validate(journey), "JOURNEY_REENTRY_INVALID", "$.reentry.afterSeconds");
    }

    [Fact]
    public void Zero_reentry_delay_is_allowed()
    {
        var journey = TestJourneys.Baseline();
        journey.Reentry = new ReentryPolicy { Allowed = true, AfterSeconds = 0 };

        NoErrors(Validate(journey));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("x/y")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Invalid_journey_id_is_an_error(string id)
    {
        SingleError(Validate(TestJourneys.Baseline(), id), "ID_INVALID", "$");
    }

    [Fact]
    public void Journey_id_of_64_allowed_characters_is_valid()
    {
        NoErrors(Validate(TestJourneys.Baseline(), "A.b_c-0123456789012345678901234567890123456789012345678901234567"));
    }

    [Fact]
    public void Invalid_node_id_is_an_error_with_a_bracketed_path()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!.Remove("done");
        journey.Nodes["done!"] = new EndNode();
        journey.Nodes["send"] = new ActionNode { Action = "ping", Next = "done!", ErrorNext = "done!" };

        var error = SingleError(Validate(journey), "NODE_ID_INVALID", "$.nodes['done!']");
        Assert.Equal("done!", error.Node);
    }

    [Fact]
    public void Node_given_as_null_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["oops"] = null!;
        journey.Nodes["send"] = new ActionNode { Action = "ping", Next = "done", ErrorNext = "oops" };

        SingleError(Validate(journey), "NODE_NULL", "$.nodes.oops");
    }

    [Fact]
    public void Action_without_next_is_a_dead_end()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", ErrorNext = "done" };

        var error = SingleError(Validate(journey), "NODE_NEXT_MISSING", "$.nodes.send.next");
        Assert.Equal("send", error.Node);
    }

    [Fact]
    public void Split_branch_without_next_is_a_dead_end()
    {
        var journey = TestJourneys.With(
            "split",
            ("split", new SplitNode { Branches = [new SplitBranch { Percent = 50, Next = "done" }, new SplitBranch { Percent = 50 }] }),
            ("done", new EndNode()));

        SingleError(Validate(journey), "NODE_NEXT_MISSING", "$.nodes.split.branches[1].next");
    }

    [Fact]
    public void Successor_that_is_not_a_node_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", Next = "dne", ErrorNext = "done" };

        SingleError(Validate(journey), "NODE_TARGET_UNKNOWN", "$.nodes.send.next");
    }

    [Fact]
    public void Node_not_reachable_from_start_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["orphan"] = new EndNode();

        var error = SingleError(Validate(journey), "NODE_UNREACHABLE", "$.nodes.orphan");
        Assert.Equal("orphan", error.Node);
    }

    [Fact]
    public void Node_reachable_only_through_an_error_path_is_reachable()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["fallback"] = new EndNode();
        journey.Nodes["send"] = new ActionNode { Action = "ping", Next = "done", ErrorNext = "fallback" };

        NoIssues(Validate(journey));
    }

    [Fact]
    public void Cycle_of_split_and_action_without_wait_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", Next = "split", ErrorNext = "done" };

        var error = SingleError(Validate(journey), "JOURNEY_CYCLE_WITHOUT_WAIT", "$.nodes.send");
        Assert.Equal("send", error.Node);
        Assert.Contains("'split'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_looping_to_itself_is_a_cycle_without_wait()
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", Next = "done", ErrorNext = "send" };

        SingleError(Validate(journey), "JOURNEY_CYCLE_WITHOUT_WAIT", "$.nodes.send");
    }

    [Fact]
    public void Two_separate_cycles_are_each_reported()
    {
        var journey = TestJourneys.With(
            "a",
            ("a", new SplitNode { Branches = [new SplitBranch { Percent = 50, Next = "b" }, new SplitBranch { Percent = 50, Next = "c" }] }),
            ("b", new ActionNode { Action = "ping", Next = "a", ErrorNext = "done" }),
            ("c", new ActionNode { Action = "ping", Next = "d", ErrorNext = "done" }),
            ("d", new ActionNode { Action = "ping", Next = "c", ErrorNext = "done" }),
            ("done", new EndNode()));

        var result = Validate(journey);

        Assert.Equal(
            [("JOURNEY_CYCLE_WITHOUT_WAIT", "$.nodes.a"), ("JOURNEY_CYCLE_WITHOUT_WAIT", "$.nodes.c")],
            result.Errors.Select(e => (e.Code, e.Path)).ToArray());
    }

    [Fact]
    public void Condition_without_branches_is_an_error()
    {
        var journey = TestJourneys.With(
            "check",
            ("check", new ConditionNode { Branches = [], Otherwise = "done" }),
            ("done", new EndNode()));

        SingleError(Validate(journey), "NODE_BRANCHES_MISSING", "$.nodes.check.branches");
    }

    [Fact]
    public void Condition_branch_without_when_is_an_error()
    {
        var journey = TestJourneys.With(
            "check",
            ("check", new ConditionNode { Branches = [new ConditionBranch { Next = "done" }], Otherwise = "done" }),
            ("done", new EndNode()));

        SingleError(Validate(journey), "NODE_WHEN_MISSING", "$.nodes.check.branches[0].when");
    }

    [Fact]
    public void Condition_branch_given_as_null_is_an_error()
    {
        var journey = TestJourneys.With(
            "check",
            ("check", new ConditionNode { Branches = [null!], Otherwise = "done" }),
            ("done", new EndNode()));

        SingleError(Validate(journey), "NODE_BRANCH_INVALID", "$.nodes.check.branches[0]");
    }

    [Fact]
    public void Split_without_branches_is_an_error()
    {
        var journey = TestJourneys.With(
            "send",
            ("send", new ActionNode { Action = "ping", Next = "split", ErrorNext = "done" }),
            ("split", new SplitNode { Branches = [] }),
            ("done", new EndNode()));

        SingleError(Validate(journey), "NODE_BRANCHES_MISSING", "$.nodes.split.branches");
    }

    [Fact]
    public void Split_with_one_branch_of_100_percent_is_allowed()
    {
        NoIssues(Validate(Chain(2)));
    }

    [Fact]
    public void Split_percent_of_zero_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((SplitNode)journey.Nodes!["split"]).Branches = [new SplitBranch { Percent = 0, Next = "send" }, new SplitBranch { Percent = 100, Next = "hand-over" }];

        SingleError(Validate(journey), "NODE_SPLIT_PERCENT_INVALID", "$.nodes.split.branches[0].percent");
    }

    [Fact]
    public void Split_percent_above_100_is_reported_without_a_second_sum_error()
    {
        var journey = TestJourneys.With(
            "split",
            ("split", new SplitNode { Branches = [new SplitBranch { Percent = 100.5m, Next = "done" }] }),
            ("done", new EndNode()));

        SingleError(Validate(journey), "NODE_SPLIT_PERCENT_INVALID", "$.nodes.split.branches[0].percent");
    }

    [Fact]
    public void Split_percents_not_summing_to_100_are_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((SplitNode)journey.Nodes!["split"]).Branches = [new SplitBranch { Percent = 50, Next = "send" }, new SplitBranch { Percent = 40, Next = "hand-over" }];

        var error = SingleError(Validate(journey), "NODE_SPLIT_PERCENT_SUM", "$.nodes.split.branches");
        Assert.Contains("90", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_percents_with_decimals_summing_to_exactly_100_are_allowed()
    {
        var journey = TestJourneys.Baseline();
        ((SplitNode)journey.Nodes!["split"]).Branches =
        [
            new SplitBranch { Percent = 33.3m, Next = "send" },
            new SplitBranch { Percent = 33.3m, Next = "hand-over" },
            new SplitBranch { Percent = 33.4m, Next = "done" },
        ];

        NoIssues(Validate(journey));
    }

    [Fact]
    public void Split_branch_given_as_null_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((SplitNode)journey.Nodes!["split"]).Branches = [null!, new SplitBranch { Percent = 50, Next = "send" }, new SplitBranch { Percent = 50, Next = "hand-over" }];

        SingleError(Validate(journey), "NODE_BRANCH_INVALID", "$.nodes.split.branches[0]");
    }

    [Fact]
    public void Action_node_without_action_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((ActionNode)journey.Nodes!["send"]).Action = null;

        SingleError(Validate(journey), "NODE_ACTION_MISSING", "$.nodes.send.action");
    }

    [Fact]
    public void Action_node_calling_an_undefined_action_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((ActionNode)journey.Nodes!["send"]).Action = "pong";

        SingleError(Validate(journey), "NODE_ACTION_UNKNOWN", "$.nodes.send.action");
    }

    [Fact]
    public void Declared_action_parameter_not_given_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((ActionNode)journey.Nodes!["send"]).Action = "notify";

        var error = SingleError(Validate(journey), "NODE_PARAM_MISSING", "$.nodes.send.params.email");
        Assert.Contains("'email'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_parameter_given_as_empty_text_counts_as_missing()
    {
        var journey = TestJourneys.Baseline();
        var send = (ActionNode)journey.Nodes!["send"];
        send.Action = "notify";
        send.Params = new() { ["email"] = " " };

        SingleError(Validate(journey), "NODE_PARAM_MISSING", "$.nodes.send.params.email");
    }

    [Fact]
    public void Every_missing_parameter_is_reported()
    {
        var journey = TestJourneys.Baseline();
        ((ActionNode)journey.Nodes!["send"]).Action = "send-email";

        var result = Validate(journey);

        Assert.Equal(
            [("NODE_PARAM_MISSING", "$.nodes.send.params.email"), ("NODE_PARAM_MISSING", "$.nodes.send.params.total")],
            result.Errors.Select(e => (e.Code, e.Path)).ToArray());
    }

    [Fact]
    public void Parameter_the_action_does_not_declare_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((ActionNode)journey.Nodes!["send"]).Params = new() { ["extra"] = "1" };

        SingleError(Validate(journey), "NODE_PARAM_UNDECLARED", "$.nodes.send.params.extra");
    }

    [Fact]
    public void Action_without_error_next_is_a_warning_not_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((ActionNode)journey.Nodes!["send"]).ErrorNext = null;

        var result = Validate(journey);

        NoErrors(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("NODE_ACTION_NO_ERROR_NEXT", "$.nodes.send.errorNext", "send", ValidationSeverity.Warning), (warning.Code, warning.Path, warning.Node, warning.Severity));
    }

    [Fact]
    public void Jump_without_target_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((JumpNode)journey.Nodes!["hand-over"]).Journey = null;

        SingleError(Validate(journey), "NODE_JUMP_TARGET_MISSING", "$.nodes.hand-over.journey");
    }

    [Fact]
    public void Jump_to_an_unknown_journey_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((JumpNode)journey.Nodes!["hand-over"]).Journey = "loyalty-bost";

        SingleError(Validate(journey), "NODE_JUMP_TARGET_UNKNOWN", "$.nodes.hand-over.journey");
    }

    [Fact]
    public void Jump_to_the_journey_itself_is_an_error()
    {
        lookup.Journeys[TestJourneys.Id] = "cart.abandoned";
        var journey = TestJourneys.Baseline();
        ((JumpNode)journey.Nodes!["hand-over"]).Journey = TestJourneys.Id;

        SingleError(Validate(journey), "NODE_JUMP_TO_SELF", "$.nodes.hand-over.journey");
    }

    [Fact]
    public void Jump_to_a_journey_with_another_entry_event_is_an_error()
    {
        var journey = TestJourneys.Baseline();
        ((JumpNode)journey.Nodes!["hand-over"]).Journey = "welcome";

        var error = SingleError(Validate(journey), "NODE_JUMP_ENTRY_MISMATCH", "$.nodes.hand-over.journey");
        Assert.Contains("user.signed-up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jump_to_a_journey_whose_entry_cannot_be_told_is_a_warning()
    {
        var journey = TestJourneys.Baseline();
        ((JumpNode)journey.Nodes!["hand-over"]).Journey = "legacy";

        var result = Validate(journey);

        NoErrors(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("NODE_JUMP_ENTRY_UNVERIFIED", "$.nodes.hand-over.journey"), (warning.Code, warning.Path));
    }

    [Fact]
    public void Lookup_without_entry_information_only_warns_about_jumps()
    {
        var journey = TestJourneys.Baseline();

        var result = JourneyValidator.Validate(TestJourneys.Id, journey, new ExistenceOnlyLookup(lookup));

        NoErrors(result);
        Assert.Equal("NODE_JUMP_ENTRY_UNVERIFIED", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void Every_problem_is_returned_at_once_ordered_by_path_then_code()
    {
        var journey = TestJourneys.Baseline();
        journey.Name = null;
        journey.Nodes!["orphan"] = new EndNode();
        journey.Nodes["send"] = new ActionNode { Action = "pong", Next = "dne" };
        journey.Nodes["z-split"] = new SplitNode { Branches = [new SplitBranch { Percent = 10, Next = "orphan" }] };

        var result = Validate(journey);

        Assert.Equal(
            [
                ("JOURNEY_NAME_MISSING", "$.name"),
                ("NODE_UNREACHABLE", "$.nodes.done"),
                ("NODE_UNREACHABLE", "$.nodes.orphan"),
                ("NODE_ACTION_UNKNOWN", "$.nodes.send.action"),
                ("NODE_TARGET_UNKNOWN", "$.nodes.send.next"),
                ("NODE_UNREACHABLE", "$.nodes.z-split"),
                ("NODE_SPLIT_PERCENT_SUM", "$.nodes.z-split.branches"),
            ],
            result.Errors.Select(e => (e.Code, e.Path)).ToArray());
        Assert.Equal([("NODE_ACTION_NO_ERROR_NEXT", "$.nodes.send.errorNext")], result.Warnings.Select(w => (w.Code, w.Path)).ToArray());
    }

    /// <summary>A start split followed by a chain of 100% splits ending in an end node: <paramref name="count"/> nodes in all.</summary>
    private static Journey Chain(int count)
    {
        var nodes = new List<(string, JourneyNode)>();
        for (var i = 0; i < count - 1; i++)
        {
            var next = i == count - 2 ? "done" : $"s{i + 1}";
            nodes.Add(($"s{i}", new SplitNode { Branches = [new SplitBranch { Percent = 100, Next = next }] }));
        }

        nodes.Add(("done", new EndNode()));
        return TestJourneys.With("s0", [.. nodes]);
    }

    /// <summary>A lookup that does not implement the optional entry query, as an older implementation would.</summary>
    private sealed class ExistenceOnlyLookup(IConfigurationLookup inner) : IConfigurationLookup
    {
        public EventDefinition? FindEvent(string eventId) => inner.FindEvent(eventId);

        public DataSource? FindDataSource(string sourceId) => inner.FindDataSource(sourceId);

        public CustomAction? FindAction(string actionId) => inner.FindAction(actionId);

        public bool JourneyExists(string journeyId) => inner.JourneyExists(journeyId);
    }
}
