using System.Text;
using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class DeterminismTests
{
    /// <summary>
    /// Plays the abandoned-cart timeout path the way a host does: the state is persisted as JSON after every step
    /// and read back before the next. Returns every byte the stepper produced.
    /// </summary>
    private static string Play(bool roundTripState)
    {
        var journey = CompiledJourneyFromScratch();
        var output = new StringBuilder();
        InstanceState? state = null;

        void Apply(StepInput input, DateTimeOffset now)
        {
            var result = JourneyStepper.Step(journey, state, input, now);
            var bytes = ExecutionJson.Serialize(result.NewState);
            output.AppendLine(Encoding.UTF8.GetString(bytes));
            output.AppendLine(Encoding.UTF8.GetString(ExecutionJson.Serialize(result.Command)));
            output.AppendLine(Encoding.UTF8.GetString(ExecutionJson.Serialize(result.Events)));
            state = roundTripState ? ExecutionJson.DeserializeState(bytes) : result.NewState;
        }

        Apply(new StartInput(Json(CartEntry), "p1", "i1"), T0);
        Apply(new EventReceivedInput("order.placed", Json("""{ "id": "o9", "cart": { "id": "other" } }""")), T0.AddMinutes(1));
        Apply(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));
        Apply(new DataFetchedInput("loyalty", "tier", Json("""{ "tier": "gold", "points": 1 }""")), T0.AddHours(1));
        Apply(new ActionCompletedInput("i1:vip-email:1", ActionStatus.Ok, 200, Json("""{ "messageId": "m" }"""), 12), T0.AddHours(1));
        return output.ToString();
    }

    // A fresh compilation per run, so no cached object can make two runs look alike.
    private static CompiledJourney CompiledJourneyFromScratch() => Compile(AbandonedCartTests.SpecJourney);

    [Fact]
    public void The_same_inputs_give_byte_identical_states_commands_and_events()
    {
        Assert.Equal(Play(roundTripState: false), Play(roundTripState: false));
    }

    [Fact]
    public void Persisting_and_reloading_the_state_between_steps_changes_nothing()
    {
        Assert.Equal(Play(roundTripState: false), Play(roundTripState: true));
    }

    [Fact]
    public void Inputs_and_commands_round_trip_through_json()
    {
        StepInput[] inputs =
        [
            new StartInput(Json("""{"a":1}"""), "p", "i"), new ResumeInput(), new TimerFiredInput(T0),
            new EventReceivedInput("order.placed", Json("{}")), new ActionCompletedInput("k", ActionStatus.TimedOut, null, null, 5),
            new DataFetchedInput("s", "g", null, "boom"), new JumpCompletedInput(JumpOutcome.SkippedAlreadyActive), new StopInput(),
        ];
        foreach (var input in inputs)
        {
            var bytes = ExecutionJson.Serialize(input);
            Assert.Equal(bytes, ExecutionJson.Serialize(ExecutionJson.DeserializeInput(bytes)!));
        }

        Assert.Equal(
            """{"kind":"actionCompleted","idempotencyKey":"k","status":"timedout","latencyMs":5}""",
            Encoding.UTF8.GetString(ExecutionJson.Serialize(inputs[4])));
        Assert.Equal(
            """{"kind":"startTimer","nodeId":"pause","wakeAt":"2026-03-01T10:00:00+00:00"}""",
            Encoding.UTF8.GetString(ExecutionJson.Serialize(new StartTimerCommand("pause", T0))));
    }

    [Fact]
    public void Times_from_any_offset_are_stored_in_utc()
    {
        var journey = Compile("""{ "entry": "cart.abandoned", "start": "p", "nodes": { "p": { "type": "wait", "duration": "PT1H", "next": "d" }, "d": { "type": "end" } } }""");

        var result = JourneyStepper.Start(journey, new StartInput(Json(CartEntry), "p1", "i1"), T0.ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(TimeSpan.Zero, result.NewState.StartedAt.Offset);
        Assert.Equal(TimeSpan.Zero, Assert.IsType<StartTimerCommand>(result.Command).WakeAt.Offset);
    }

    [Fact]
    public void The_persisted_state_is_small_and_reads_as_the_contract_describes()
    {
        var result = JourneyStepper.Start(
            Compile(AbandonedCartTests.SpecJourney),
            new StartInput(Json("""{"id":"e1","customer":{"id":"p1"},"cart":{"id":"c1","total":80}}"""), "p1", "i1"),
            T0);

        const string Expected = """
            {"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"await-order",
            "waiting":"event","wakeAt":"2026-03-01T11:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00",
            "deadline":"2026-05-31T10:00:00+00:00","sequence":3,"visits":{"await-order":1},
            "entry":{"id":"e1","customer":{"id":"p1"},"cart":{"id":"c1","total":80}},
            "pending":{"kind":"waitForEvent","nodeId":"await-order","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00+00:00"}}
            """;
        Assert.Equal(
            Expected.ReplaceLineEndings(string.Empty),
            Encoding.UTF8.GetString(ExecutionJson.Serialize(result.NewState)));
    }
}
