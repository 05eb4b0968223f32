using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;

namespace Journeys.Benchmarks;

/// <summary>
/// Stepper throughput on a condition → action → end journey: one run is a start (condition, then the action call)
/// and the action's completion (then end), i.e. three node transitions in two steps. Transitions per second =
/// 3 / mean time of <see cref="ConditionActionEnd"/>. Per node type, each other benchmark is a two-node journey
/// (the node, then end) run to its end: two transitions, in one step, or two when the node waits for an input.
/// </summary>
[MemoryDiagnoser]
public class StepperBenchmarks
{
    private const string JourneyJson = """
        { "entry": "cart.abandoned", "start": "check",
          "nodes": {
            "check": { "type": "condition", "branches": [ { "when": "entry.cart.total > 50", "next": "send" } ], "otherwise": "done" },
            "send": { "type": "action", "action": "send-email",
                      "params": { "email": "entry.customer.email", "total": "entry.cart.total * 0.9" }, "next": "done" },
            "done": { "type": "end" } } }
        """;

    private CompiledJourney journey = null!;
    private CompiledJourney condition = null!;
    private CompiledJourney split = null!;
    private CompiledJourney wait = null!;
    private CompiledJourney waitForEvent = null!;
    private CompiledJourney jump = null!;
    private StartInput start = null!;
    private JsonElement order;
    private JsonElement body;
    private DateTimeOffset now;

    [GlobalSetup]
    public void Setup()
    {
        journey = CompiledJourney.Compile("bench", 1, ContractJson.ReadJourney(JourneyJson).Value!, new Lookup());
        condition = Compile("""{ "check": { "type": "condition", "branches": [ { "when": "entry.cart.total > 50 && entry.customer.email != null", "next": "done" } ], "otherwise": "done" } }""", "check");
        split = Compile("""{ "ab": { "type": "split", "branches": [ { "percent": 50, "next": "done" }, { "percent": 50, "next": "done" } ] } }""", "ab");
        wait = Compile("""{ "pause": { "type": "wait", "duration": "PT1H", "next": "done" } }""", "pause");
        waitForEvent = Compile("""
            { "await": { "type": "waitForEvent", "event": "order.placed", "correlate": "event.cart.id == entry.cart.id", "timeout": "PT1H", "next": "done", "timeoutNext": "done" } }
            """, "await");
        jump = Compile("""{ "hop": { "type": "jump", "journey": "other" } }""", "hop");
        using var placed = JsonDocument.Parse("""{ "id": "o1", "customer": { "id": "p1" }, "cart": { "id": "c1" } }""");
        order = placed.RootElement.Clone();
        using var entry = JsonDocument.Parse("""{ "id": "e1", "customer": { "id": "p1", "email": "a@example.com" }, "cart": { "id": "c1", "total": 80 } }""");
        start = new StartInput(entry.RootElement.Clone(), "p1", "i1");
        using var response = JsonDocument.Parse("""{ "messageId": "m-1" }""");
        body = response.RootElement.Clone();
        now = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    }

    [Benchmark(Description = "condition→action→end (3 transitions, 2 steps)")]
    public InstanceStatus ConditionActionEnd()
    {
        var started = JourneyStepper.Start(journey, start, now);
        var call = (CallActionCommand)started.Command;
        var done = JourneyStepper.Step(journey, started.NewState, new ActionCompletedInput(call.IdempotencyKey, ActionStatus.Ok, 200, body, 10), now);
        return done.NewState.Status;
    }

    [Benchmark(Description = "condition→end (2 transitions, 1 step)")]
    public InstanceStatus Condition() => JourneyStepper.Start(condition, start, now).NewState.Status;

    [Benchmark(Description = "split→end (2 transitions, 1 step; SHA-256 bucket)")]
    public InstanceStatus Split() => JourneyStepper.Start(split, start, now).NewState.Status;

    [Benchmark(Description = "wait→end (2 transitions, 2 steps: park, timer)")]
    public InstanceStatus Wait()
    {
        var parked = JourneyStepper.Start(wait, start, now);
        return JourneyStepper.Step(wait, parked.NewState, new TimerFiredInput(parked.NewState.WakeAt!.Value), now.AddHours(1)).NewState.Status;
    }

    [Benchmark(Description = "waitForEvent→end (2 transitions, 2 steps: park, correlated event)")]
    public InstanceStatus WaitForEvent()
    {
        var parked = JourneyStepper.Start(waitForEvent, start, now);
        return JourneyStepper.Step(waitForEvent, parked.NewState, new EventReceivedInput("order.placed", order), now.AddMinutes(5)).NewState.Status;
    }

    [Benchmark(Description = "jump (1 transition, 2 steps: jump command, outcome)")]
    public InstanceStatus Jump()
    {
        var jumping = JourneyStepper.Start(jump, start, now);
        return JourneyStepper.Step(jump, jumping.NewState, new JumpCompletedInput(JumpOutcome.Entered), now).NewState.Status;
    }

    private CompiledJourney Compile(string nodes, string first) =>
        CompiledJourney.Compile("bench-" + first, 1, ContractJson.ReadJourney($$"""
            { "entry": "cart.abandoned", "start": "{{first}}", "nodes": { "done": { "type": "end" }, {{nodes.Trim()[1..^1]}} } }
            """).Value!, new Lookup());

    private sealed class Lookup : IConfigurationLookup
    {
        private readonly EventDefinition cart = ContractJson.ReadEventDefinition("""
            { "match": "true", "profileId": "customer.id", "eventKey": "id",
              "fields": { "id": "string", "customer.id": "string", "customer.email": "string", "cart.id": "string", "cart.total": "number" } }
            """).Value!;

        private readonly CustomAction email = ContractJson.ReadCustomAction("""
            { "method": "POST", "url": "https://mailer.example.com/send", "params": { "email": "string", "total": "number" },
              "body": { "to": "{{params.email}}" }, "responseFields": { "messageId": "string" } }
            """).Value!;

        private readonly EventDefinition order = ContractJson.ReadEventDefinition("""
            { "match": "true", "profileId": "customer.id", "eventKey": "id", "fields": { "id": "string", "customer.id": "string", "cart.id": "string" } }
            """).Value!;

        public EventDefinition? FindEvent(string eventId) => eventId switch
        {
            "cart.abandoned" => cart,
            "order.placed" => order,
            _ => null,
        };

        public DataSource? FindDataSource(string sourceId) => null;

        public CustomAction? FindAction(string actionId) => actionId == "send-email" ? email : null;

        public bool JourneyExists(string journeyId) => journeyId == "other";
    }
}
