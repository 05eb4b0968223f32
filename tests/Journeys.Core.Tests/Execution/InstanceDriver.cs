using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Core.Serialization;

namespace Journeys.Core.Tests.Execution;

/// <summary>
/// Plays the host for one instance: keeps its state, applies inputs through <see cref="JourneyStepper"/> and keeps
/// the whole step history, as the runtime would store it.
/// </summary>
internal sealed class InstanceDriver
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public const string CartEntry = """
        { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "ann@example.com", "tier": "Gold" },
          "cart": { "id": "c1", "total": 80 }, "occurredAt": "2026-03-01T09:55:00Z" }
        """;

    public InstanceDriver(CompiledJourney journey)
    {
        Journey = journey;
    }

    public CompiledJourney Journey { get; }

    public InstanceState? State { get; private set; }

    public List<StepEvent> History { get; } = [];

    public JourneyCommand? LastCommand { get; private set; }

    public static CompiledJourney Compile(string journeyJson, string journeyId = "cart", int version = 1, TestConfiguration? configuration = null)
    {
        var read = ContractJson.ReadJourney(journeyJson);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return CompiledJourney.Compile(journeyId, version, read.Value!, configuration ?? new TestConfiguration());
    }

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public StepResult Start(string entryJson = CartEntry, string profileId = "p1", string instanceId = "i1", DateTimeOffset? at = null) =>
        Record(JourneyStepper.Start(Journey, new StartInput(Json(entryJson), profileId, instanceId), at ?? T0));

    public StepResult Send(StepInput input, DateTimeOffset at) => Record(JourneyStepper.Step(Journey, State, input, at));

    /// <summary>Answers the pending action call with the given outcome.</summary>
    public StepResult CompleteAction(ActionStatus status, int? statusCode, string? body, DateTimeOffset at, long latencyMs = 40)
    {
        var call = Assert.IsType<CallActionCommand>(LastCommand);
        return Send(new ActionCompletedInput(call.IdempotencyKey, status, statusCode, body is null ? null : Json(body), latencyMs), at);
    }

    private StepResult Record(StepResult result)
    {
        State = result.NewState;
        History.AddRange(result.Events);
        if (result.StateChanged)
        {
            LastCommand = result.Command;
        }

        return result;
    }

    /// <summary>The history as compact lines "kind node branch→target outcome code", easy to compare with a hand-written list.</summary>
    public List<string> Trace() => History.Select(Describe).ToList();

    public static string Describe(StepEvent e)
    {
        var text = e.Kind.ToString();
        if (e.Node is not null)
        {
            text += " " + e.Node;
        }

        if (e.Branch is not null || e.Target is not null)
        {
            text += $" {e.Branch}->{e.Target}";
        }

        if (e.Outcome is not null)
        {
            text += " " + e.Outcome;
        }

        if (e.Code is not null)
        {
            text += " " + e.Code;
        }

        return text;
    }
}
