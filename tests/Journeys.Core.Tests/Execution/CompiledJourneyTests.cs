using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class CompiledJourneyTests
{
    [Fact]
    public void Compiling_snapshots_the_actions_and_data_sources_used()
    {
        var configuration = new TestConfiguration();
        var journey = Compile(AbandonedCartTests.SpecJourney, configuration: configuration);
        configuration.Actions["send-email"].Url = "https://changed.example.com";

        Assert.Equal(["send-email"], journey.Actions.Keys);
        Assert.Equal("https://mailer.example.com/send", journey.Actions["send-email"].Url);
        Assert.Equal(["loyalty"], journey.DataSources.Keys);
        Assert.Equal(TimeSpan.FromSeconds(7862400), journey.Timeout);
        Assert.Equal("await-order", journey.StartNode);
    }

    [Fact]
    public void A_journey_that_references_missing_configuration_does_not_compile()
    {
        var configuration = new TestConfiguration();
        configuration.Actions.Clear();

        var error = Assert.Throws<JourneyCompilationException>(() => Compile(AbandonedCartTests.SpecJourney, configuration: configuration));

        Assert.Equal("JOURNEY_COMPILE_FAILED", error.Code);
        Assert.Equal(
            ["std-email.action: custom action 'send-email' does not exist.", "vip-email.action: custom action 'send-email' does not exist."],
            error.Problems);
    }

    [Fact]
    public void A_missing_start_node_and_a_bad_duration_are_reported_together()
    {
        var error = Assert.Throws<JourneyCompilationException>(() => Compile("""
            { "entry": "cart.abandoned", "start": "nowhere",
              "nodes": { "p": { "type": "wait", "duration": "soon", "next": "d" }, "d": { "type": "end" } } }
            """));

        Assert.Equal(
            ["start: 'nowhere' is not a node of the journey.", "p.duration: 'soon' is not a positive ISO-8601 duration."],
            error.Problems);
    }

    [Fact]
    public void A_loop_through_waits_that_are_already_due_is_cut_off()
    {
        var journey = Compile("""
            { "entry": "cart.abandoned", "start": "a",
              "nodes": { "a": { "type": "wait", "until": "entry.occurredAt", "next": "b" },
                         "b": { "type": "wait", "until": "entry.occurredAt", "next": "a" } } }
            """);

        var result = JourneyStepper.Start(journey, new StartInput(Json(CartEntry), "p1", "i1"), T0);

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), result.Command);
        Assert.Equal("STEP_LIMIT_EXCEEDED", Assert.Single(result.Events, e => e.Kind == StepEventKind.Error).Code);
    }
}
