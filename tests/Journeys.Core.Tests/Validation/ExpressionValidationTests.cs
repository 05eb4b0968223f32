using Journeys.Core.Model;
using Journeys.Core.Validation;
using static Journeys.Core.Tests.Validation.ValidationAssert;

namespace Journeys.Core.Tests.Validation;

/// <summary>
/// Journey rules that need the expression language: expression type checks, and durations (parsed by
/// <c>IsoDuration</c>).; the structural rules are in
/// <see cref="JourneyStructureTests"/>.
/// </summary>
public sealed class ExpressionValidationTests
{
    private readonly InMemoryConfigurationLookup lookup = InMemoryConfigurationLookup.Sample();

    private ValidationResult Validate(Journey journey) => JourneyValidator.Validate(TestJourneys.Id, journey, lookup);

    [Fact]
    public void Abandoned_cart_journey_of_the_spec_is_valid()
    {
        NoIssues(Validate(TestJourneys.SpecSample()));
    }

    [Fact]
    public void Cycle_through_a_wait_is_allowed()
    {
        NoIssues(Validate(WithWait(new WaitNode { Duration = "PT1H", Next = "split" })));
    }

    [Fact]
    public void Cycle_through_a_wait_for_event_is_allowed()
    {
        NoIssues(Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.placed", Timeout = "P3D", Next = "done", TimeoutNext = "split" })));
    }

    [Theory]
    [InlineData("PT1S")]
    [InlineData("P90D")]
    [InlineData("P1DT12H")]
    public void Wait_durations_up_to_90_days_are_allowed(string duration)
    {
        NoIssues(Validate(WithWait(new WaitNode { Duration = duration, Next = "done" })));
    }

    [Theory]
    [InlineData("1 hour")]
    [InlineData("P1M")]
    [InlineData("PT")]
    public void Wait_duration_that_is_not_an_iso_duration_is_an_error(string duration)
    {
        var result = Validate(WithWait(new WaitNode { Duration = duration, Next = "done" }));

        SingleError(result, "NODE_DURATION_INVALID", "$.nodes.pause.duration");
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("P91D")]
    [InlineData("P13W")]
    public void Wait_duration_of_zero_or_above_90_days_is_an_error(string duration)
    {
        var result = Validate(WithWait(new WaitNode { Duration = duration, Next = "done" }));

        SingleError(result, "NODE_DURATION_OUT_OF_RANGE", "$.nodes.pause.duration");
    }

    [Fact]
    public void Wait_without_duration_or_until_is_an_error()
    {
        SingleError(Validate(WithWait(new WaitNode { Next = "done" })), "NODE_WAIT_MODE_MISSING", "$.nodes.pause");
    }

    [Fact]
    public void Wait_with_both_duration_and_until_is_an_error()
    {
        var result = Validate(WithWait(new WaitNode { Duration = "PT1H", Until = "entry.occurredAt", Next = "done" }));

        SingleError(result, "NODE_WAIT_MODE_AMBIGUOUS", "$.nodes.pause");
    }

    [Fact]
    public void Wait_without_next_is_a_dead_end()
    {
        SingleError(Validate(WithWait(new WaitNode { Duration = "PT1H" })), "NODE_NEXT_MISSING", "$.nodes.pause.next");
    }

    [Fact]
    public void Wait_until_a_datetime_expression_is_allowed()
    {
        NoIssues(Validate(WithWait(new WaitNode { Until = "entry.occurredAt + duration('P1D')", Next = "done" })));
    }

    [Fact]
    public void Wait_until_that_is_not_a_datetime_is_an_error()
    {
        var result = Validate(WithWait(new WaitNode { Until = "entry.cart.total", Next = "done" }));

        var error = SingleError(result, "EXPR_TYPE_MISMATCH", "$.nodes.pause.until");
        Assert.Equal("pause", error.Node);
    }

    [Fact]
    public void Wait_for_event_without_event_is_an_error()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Timeout = "P3D", Next = "done", TimeoutNext = "done" }));

        SingleError(result, "NODE_EVENT_MISSING", "$.nodes.await.event");
    }

    [Fact]
    public void Wait_for_an_undefined_event_is_an_error()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.plaaced", Timeout = "P3D", Next = "done", TimeoutNext = "done" }));

        SingleError(result, "NODE_EVENT_UNKNOWN", "$.nodes.await.event");
    }

    [Fact]
    public void Wait_for_event_without_timeout_is_an_error()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.placed", Next = "done", TimeoutNext = "done" }));

        SingleError(result, "NODE_TIMEOUT_MISSING", "$.nodes.await.timeout");
    }

    [Fact]
    public void Wait_for_event_timeout_above_90_days_is_an_error()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.placed", Timeout = "P91D", Next = "done", TimeoutNext = "done" }));

        SingleError(result, "NODE_DURATION_OUT_OF_RANGE", "$.nodes.await.timeout");
    }

    [Fact]
    public void Wait_for_event_without_timeout_next_is_a_dead_end()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.placed", Timeout = "P3D", Next = "done" }));

        SingleError(result, "NODE_NEXT_MISSING", "$.nodes.await.timeoutNext");
    }

    [Fact]
    public void Correlate_that_is_not_boolean_is_an_error()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.placed", Correlate = "event.cart.id", Timeout = "P3D", Next = "done", TimeoutNext = "done" }));

        SingleError(result, "EXPR_TYPE_MISMATCH", "$.nodes.await.correlate");
    }

    [Fact]
    public void Correlate_reading_an_undeclared_field_of_the_waited_event_is_an_error()
    {
        var result = Validate(WithWaitForEvent(new WaitForEventNode { Event = "order.placed", Correlate = "event.cart.total > 0", Timeout = "P3D", Next = "done", TimeoutNext = "done" }));

        var error = SingleError(result, "EXPR_UNKNOWN_FIELD", "$.nodes.await.correlate");
        Assert.StartsWith("at character ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_with_a_boolean_branch_and_otherwise_is_valid()
    {
        NoIssues(Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total > 100", "done")], Otherwise = "done" })));
    }

    [Fact]
    public void Condition_that_is_not_boolean_is_an_error()
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total", "done")], Otherwise = "done" }));

        SingleError(result, "EXPR_TYPE_MISMATCH", "$.nodes.check.branches[0].when");
    }

    [Fact]
    public void Condition_with_a_syntax_error_reports_its_position()
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total >", "done")], Otherwise = "done" }));

        var error = SingleError(result, "EXPR_SYNTAX", "$.nodes.check.branches[0].when");
        Assert.StartsWith("at character ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_its_position_once_counting_characters_from_one()
    {
        // "entry.cart.total >" is 18 characters; the missing operand is at the end, character 19.
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total >", "done")], Otherwise = "done" }));

        var error = SingleError(result, "EXPR_SYNTAX", "$.nodes.check.branches[0].when");
        Assert.StartsWith("at character 19: Expected ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" but found the end of the expression.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_entry_field_is_an_error_with_its_position()
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.totl > 10", "done")], Otherwise = "done" }));

        var error = SingleError(result, "EXPR_UNKNOWN_FIELD", "$.nodes.check.branches[0].when");
        Assert.StartsWith("at character ", error.Message, StringComparison.Ordinal);
        Assert.Contains("totl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_branch_without_next_is_a_dead_end()
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total > 100", null)], Otherwise = "done" }));

        SingleError(result, "NODE_NEXT_MISSING", "$.nodes.check.branches[0].next");
    }

    [Fact]
    public void Condition_with_unknown_otherwise_target_is_an_error()
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total > 100", "done")], Otherwise = "dnoe" }));

        SingleError(result, "NODE_TARGET_UNKNOWN", "$.nodes.check.otherwise");
    }

    [Fact]
    public void Condition_without_otherwise_is_a_warning()
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch("entry.cart.total > 100", "done")] }));

        NoErrors(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("NODE_CONDITION_NO_OTHERWISE", "$.nodes.check.otherwise"), (warning.Code, warning.Path));
    }

    [Fact]
    public void Condition_on_a_data_source_field_is_valid()
    {
        NoIssues(Validate(WithCondition(new ConditionNode { Branches = [Branch("data.loyalty.tier.points >= 1000", "done")], Otherwise = "done" })));
    }

    [Theory]
    [InlineData("data.loyalty.tier.tierr == 'gold'")]
    [InlineData("data.loyalty.tiers.tier == 'gold'")]
    [InlineData("data.loyalti.tier.tier == 'gold'")]
    public void Misspelt_data_source_reference_is_an_error(string when)
    {
        var result = Validate(WithCondition(new ConditionNode { Branches = [Branch(when, "done")], Otherwise = "done" }));

        SingleError(result, "EXPR_UNKNOWN_FIELD", "$.nodes.check.branches[0].when");
    }

    [Fact]
    public void Condition_reading_a_previous_action_result_is_valid()
    {
        var journey = WithCondition(new ConditionNode { Branches = [Branch("actions.send.status == 'ok'", "done")], Otherwise = "done" });

        NoIssues(Validate(journey));
    }

    [Theory]
    [InlineData("entry.cart.total * 0.9")]
    [InlineData("entry.attributes.total")]
    [InlineData("null")]
    public void Parameter_expressions_of_the_declared_type_or_unknown_type_are_allowed(string total)
    {
        NoIssues(Validate(WithEmail(total)));
    }

    [Fact]
    public void Parameter_expression_of_another_type_is_an_error()
    {
        var error = SingleError(Validate(WithEmail("entry.customer.email")), "NODE_PARAM_TYPE_MISMATCH", "$.nodes.send.params.total");
        Assert.Equal("send", error.Node);
    }

    [Fact]
    public void Parameter_expression_with_a_typo_is_an_error()
    {
        SingleError(Validate(WithEmail("entry.cart.totl")), "EXPR_UNKNOWN_FIELD", "$.nodes.send.params.total");
    }

    [Fact]
    public void Parameters_of_an_undefined_action_are_still_type_checked()
    {
        var journey = TestJourneys.Baseline();
        var send = (ActionNode)journey.Nodes!["send"];
        send.Action = "pong";
        send.Params = new() { ["x"] = "entry.cart.totl" };

        var result = Validate(journey);

        Assert.Equal(
            [("NODE_ACTION_UNKNOWN", "$.nodes.send.action"), ("EXPR_UNKNOWN_FIELD", "$.nodes.send.params.x")],
            result.Errors.Select(e => (e.Code, e.Path)).ToArray());
    }

    [Fact]
    public void Every_expression_problem_is_returned_at_once()
    {
        var journey = WithCondition(new ConditionNode { Branches = [Branch("entry.cart.totl > 1", "done"), Branch("entry.cart.total", "done")], Otherwise = "done" });
        journey.Name = null;

        var result = Validate(journey);

        Assert.Equal(
            [
                ("JOURNEY_NAME_MISSING", "$.name"),
                ("EXPR_UNKNOWN_FIELD", "$.nodes.check.branches[0].when"),
                ("EXPR_TYPE_MISMATCH", "$.nodes.check.branches[1].when"),
            ],
            result.Errors.Select(e => (e.Code, e.Path)).ToArray());
    }

    private static ConditionBranch Branch(string when, string? next) => new() { When = when, Next = next };

    /// <summary>The baseline with send → pause (the given wait) on success.</summary>
    private static Journey WithWait(WaitNode wait)
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", Next = "pause", ErrorNext = "done" };
        journey.Nodes["pause"] = wait;
        return journey;
    }

    /// <summary>The baseline with send → await (the given waitForEvent) on success.</summary>
    private static Journey WithWaitForEvent(WaitForEventNode wait)
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", Next = "await", ErrorNext = "done" };
        journey.Nodes["await"] = wait;
        return journey;
    }

    /// <summary>The baseline with send → check (the given condition) on success.</summary>
    private static Journey WithCondition(ConditionNode condition)
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode { Action = "ping", Next = "check", ErrorNext = "done" };
        journey.Nodes["check"] = condition;
        return journey;
    }

    /// <summary>The baseline whose send node calls send-email with a valid email and the given total.</summary>
    private static Journey WithEmail(string total)
    {
        var journey = TestJourneys.Baseline();
        journey.Nodes!["send"] = new ActionNode
        {
            Action = "send-email",
            Params = new() { ["email"] = "entry.customer.email", ["total"] = total },
            Next = "done",
            ErrorNext = "done",
        };
        return journey;
    }
}
