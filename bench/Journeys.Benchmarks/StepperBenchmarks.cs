using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Journeys.Execution;
using Journeys.Model;
using Journeys.Serialization;
using Journeys.Validation;

namespace Journeys.Benchmarks;

/// <summary>
/// Stepper throughput on a condition → action → end journey: one run is a start (condition, then the action call)
/// and the action's completion (then end), i.e. three node transitions in two steps. Transitions per second =
/// 3 / mean time of <see cref="ConditionActionEnd"/>.
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
    private StartInput start = null!;
    private JsonElement body;
    private DateTimeOffset now;

    [GlobalSetup]
    public void Setup()
    {
        journey = CompiledJourney.Compile("bench", 1, ContractJson.ReadJourney(JourneyJson).Value!, new Lookup());
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

        public EventDefinition? FindEvent(string eventId) => eventId == "cart.abandoned" ? cart : null;

        public DataSource? FindDataSource(string sourceId) => null;

        public CustomAction? FindAction(string actionId) => actionId == "send-email" ? email : null;

        public bool JourneyExists(string journeyId) => false;
    }
}
