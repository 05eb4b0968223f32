using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class ConditionTests
{
    private static CompiledJourney Journey(string branches, string otherwise = "") => Compile($$"""
        { "entry": "cart.abandoned", "start": "check",
          "nodes": {
            "check": { "type": "condition", "branches": [ {{branches}} ] {{otherwise}} },
            "a": { "type": "end" }, "b": { "type": "end" }, "c": { "type": "end" } } }
        """);

    [Fact]
    public void First_true_branch_wins_even_when_a_later_one_is_also_true()
    {
        var driver = new InstanceDriver(Journey("""
            { "when": "entry.cart.total > 100", "next": "a" },
            { "when": "entry.cart.total > 50", "next": "b" },
            { "when": "entry.cart.total > 10", "next": "c" }
            """));

        var result = driver.Start();

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), result.Command);
        Assert.Equal(
            ["Started check", "Entered check", "Exited check 1->b", "Entered b", "Exited b", "Ended b completed"],
            driver.Trace());
        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
        Assert.Equal("b", driver.State.Node);
    }

    [Fact]
    public void Otherwise_is_taken_when_no_branch_is_true()
    {
        var driver = new InstanceDriver(Journey("""{ "when": "entry.cart.total > 100", "next": "a" }""", """, "otherwise": "c" """));

        driver.Start();

        Assert.Contains("Exited check otherwise->c", driver.Trace());
        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void A_null_when_counts_as_false()
    {
        // entry.customer.missing is not declared; entry.flag is declared but absent from this event, so it reads null.
        var driver = new InstanceDriver(Journey("""{ "when": "entry.flag", "next": "a" }""", """, "otherwise": "c" """));

        driver.Start();

        Assert.Contains("Exited check otherwise->c", driver.Trace());
        Assert.Equal(InstanceStatus.Completed, driver.State!.Status);
    }

    [Fact]
    public void No_match_and_no_otherwise_ends_the_instance_errored()
    {
        var driver = new InstanceDriver(Journey("""{ "when": "entry.cart.total > 100", "next": "a" }"""));

        var result = driver.Start();

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), result.Command);
        Assert.Equal(
            ["Started check", "Entered check", "Error check CONDITION_NO_MATCH", "Exited check", "Ended check errored"],
            driver.Trace());
    }

    [Fact]
    public void A_runtime_expression_error_ends_the_instance_errored_with_an_error_event()
    {
        var driver = new InstanceDriver(Journey("""{ "when": "date(entry.text) > now()", "next": "a" }""", """, "otherwise": "c" """));

        var result = driver.Start(entryJson: """{ "id": "e1", "customer": { "id": "p1" }, "cart": { "id": "c1" }, "text": "not a date" }""");

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), result.Command);
        var error = Assert.Single(driver.History, e => e.Kind == StepEventKind.Error);
        Assert.Equal("check", error.Node);
        Assert.StartsWith("EXPR_", error.Code, StringComparison.Ordinal);
        Assert.Contains("branches[0].when", error.Message, StringComparison.Ordinal);
    }
}
