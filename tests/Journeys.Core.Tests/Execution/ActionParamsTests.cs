using Journeys.Core.Execution;
using Journeys.Core.Expressions;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

/// <summary>The params object of an action call, for few and for many parameters.</summary>
public sealed class ActionParamsTests
{
    private static CompiledJourney Journey(string parameters) => Compile($$"""
        { "entry": "cart.abandoned", "start": "send",
          "nodes": {
            "send": { "type": "action", "action": "send-email", "params": { {{parameters}} }, "next": "done" },
            "done": { "type": "end" } } }
        """);

    [Fact]
    public void Many_params_are_all_written_in_ordinal_name_order()
    {
        var journey = Journey("""
            "k9": "9", "k10": "10", "Z": "'upper first'", "k1": "entry.cart.total", "k2": "entry.customer.email",
            "k3": "true", "k4": "null", "k5": "entry.cart.total > 50", "k6": "'six'", "k7": "7.5", "k8": "entry.cart.id"
            """);

        var call = Assert.IsType<CallActionCommand>(new InstanceDriver(journey).Start().Command);

        Assert.Equal(
            """{"Z":"upper first","k1":80,"k10":10,"k2":"ann@example.com","k3":true,"k4":null,"k5":true,"k6":"six","k7":7.5,"k8":"c1","k9":9}""",
            call.Params.GetRawText());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    public void The_first_failing_param_in_name_order_is_the_error_reported(int count)
    {
        // "b" and "a" both divide by zero; the others are fine. "a" sorts first, so it is the one named.
        var others = string.Concat(Enumerable.Range(0, count - 2).Select(i => $", \"c{i}\": \"{i}\""));
        var driver = new InstanceDriver(Journey($$""" "b": "1 / 0", "a": "entry.cart.total / 0" {{others}} """));

        var started = driver.Start();

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), started.Command);
        var error = started.Events.Single(e => e.Kind == StepEventKind.Error);
        Assert.Equal(ExpressionErrorCodes.DivideByZero, error.Code);
        Assert.StartsWith("params.a: ", error.Message, StringComparison.Ordinal);
    }
}
