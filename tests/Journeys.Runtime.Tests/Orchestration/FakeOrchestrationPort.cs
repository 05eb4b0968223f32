using System.Globalization;
using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;

using Journeys.TestSupport.Orchestration;

namespace Journeys.Runtime.Tests.Orchestration;

/// <summary>
/// A Durable-like context: records every call as a line of text and answers from a script (first run) or from a
/// recorded history (replay), the way Durable answers a replaying orchestrator from its history. Each answer carries
/// the orchestration time at which it completed, which becomes <see cref="UtcNow"/>.
/// </summary>
internal sealed class FakeOrchestrationPort : IOrchestrationPort
{
    private readonly Queue<(object Result, DateTimeOffset At)> script = new();
    private readonly Queue<(object Result, DateTimeOffset At)>? replay;

    public FakeOrchestrationPort(DateTimeOffset start, JourneySnapshot? snapshot = null)
    {
        UtcNow = start;
        Snapshot = snapshot;
    }

    private FakeOrchestrationPort(DateTimeOffset start, IEnumerable<(object Result, DateTimeOffset At)> history)
        : this(start)
    {
        replay = new Queue<(object, DateTimeOffset)>(history);
    }

    public DateTimeOffset UtcNow { get; private set; }

    public JourneySnapshot? Snapshot { get; }

    public List<string> Calls { get; } = [];

    /// <summary>Every answer given, in order, with its completion time: the orchestration history.</summary>
    public List<(object Result, DateTimeOffset At)> History { get; } = [];

    public List<StepRecord> Records { get; } = [];

    public OrchestrationInput? ContinuedWith { get; private set; }

    public bool? PreservedEvents { get; private set; }

    /// <summary>A stop arrives while the first action call runs (Durable: the stop event lands in the history during the activity).</summary>
    public bool StopDuringActionCall { get; init; }

    public bool StopRequested { get; private set; }

    /// <summary>A port that answers exactly what <paramref name="recorded"/> answered.</summary>
    public static FakeOrchestrationPort Replaying(DateTimeOffset start, FakeOrchestrationPort recorded) => new(start, recorded.History);

    public FakeOrchestrationPort Then(object result, DateTimeOffset at)
    {
        script.Enqueue((result, at));
        return this;
    }

    public FakeOrchestrationPort ThenTimer(DateTimeOffset at) => Then(WaitOutcome.TimerFired, at);

    public FakeOrchestrationPort ThenStop(DateTimeOffset at) => Then(WaitOutcome.StopRequested, at);

    public FakeOrchestrationPort ThenEvent(string eventId, DateTimeOffset raisedAt, string eventJson) =>
        Then(WaitOutcome.Event(OrchestrationJson.Serialize(new EventEnvelope(eventId, raisedAt, Parse(eventJson)))), raisedAt);

    public FakeOrchestrationPort ThenAction(ActionStatus status, int? statusCode, DateTimeOffset at) => Then(new ScriptedAction(status, statusCode), at);

    public FakeOrchestrationPort ThenData(string bodyJson, DateTimeOffset at) => Then(new ScriptedData(bodyJson), at);

    public Task<JourneySnapshot> LoadJourneyAsync(JourneyVersionRef journey)
    {
        Calls.Add($"load {journey.JourneyId} v{journey.Version}");
        return Task.FromResult(Next<JourneySnapshot>(Snapshot!));
    }

    public Task<ActionCompletedInput> CallActionAsync(ActionCallRequest request)
    {
        Calls.Add($"action {request.ActionId} at {request.NodeId} key={request.IdempotencyKey} params={request.Params.GetRawText()}");
        StopRequested |= StopDuringActionCall;
        return Task.FromResult(Next<ActionCompletedInput>(null, scripted => scripted is ScriptedAction a
            ? new ActionCompletedInput(request.IdempotencyKey, a.Status, a.StatusCode, null, 42)
            : scripted));
    }

    public Task<DataFetchedInput> FetchDataAsync(DataFetchRequest request)
    {
        Calls.Add($"fetch {request.Source}.{request.Group} {request.Path}");
        return Task.FromResult(Next<DataFetchedInput>(null, scripted => scripted is ScriptedData d
            ? new DataFetchedInput(request.Source, request.Group, Parse(d.BodyJson))
            : scripted));
    }

    public Task RecordStepsAsync(StepRecord record)
    {
        Records.Add(record);
        Calls.Add("record " + string.Join(", ", record.Events.Select(e => string.Join(' ', new[] { Kind(e.Kind), e.Node, e.Outcome }.OfType<string>()))));
        Next<object>("recorded");
        return Task.CompletedTask;
    }

    public Task<JumpOutcome> JumpAsync(JumpRequest request)
    {
        Calls.Add($"jump {request.TargetJourneyId} {request.ProfileId}");
        return Task.FromResult(Next<JumpOutcome>(null));
    }

    public Task<WaitOutcome> WaitAsync(WaitRequest request)
    {
        Calls.Add($"wait until {request.Until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}{(request.EventName is null ? "" : " or " + request.EventName)}");
        return Task.FromResult(Next<WaitOutcome>(null));
    }

    /// <summary>A logic-2 wait: one line when it begins (its timer and stop wait), one per event it waits for.</summary>
    public IEventWait BeginEventWait(WaitRequest request)
    {
        Calls.Add($"begin wait until {request.Until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} or {request.EventName}");
        return new ScriptedEventWait(this);
    }

    public void ContinueAsNew(OrchestrationInput input, bool preserveUnprocessedEvents)
    {
        Calls.Add($"continueAsNew generation {input.Generation}");
        ContinuedWith = input;
        PreservedEvents = preserveUnprocessedEvents;
    }

    private T Next<T>(object? unscripted, Func<object, object>? materialise = null)
    {
        (object Result, DateTimeOffset At) entry;
        if (replay is not null)
        {
            entry = replay.Dequeue();
        }
        else if (unscripted is not null)
        {
            entry = (unscripted, UtcNow);
        }
        else
        {
            var scripted = script.Dequeue();
            entry = (materialise is null ? scripted.Result : materialise(scripted.Result), scripted.At);
        }

        History.Add(entry);
        UtcNow = entry.At;
        return (T)entry.Result;
    }

    private static string Kind(StepEventKind kind) => JsonSerializer.Serialize(kind, ExecutionJsonContext.Default.StepEventKind).Trim('"');

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed record ScriptedAction(ActionStatus Status, int? StatusCode);

    private sealed record ScriptedData(string BodyJson);

    private sealed class ScriptedEventWait(FakeOrchestrationPort port) : IEventWait
    {
        public Task<WaitOutcome> NextAsync()
        {
            port.Calls.Add("next event");
            return Task.FromResult(port.Next<WaitOutcome>(null));
        }

        public void Dispose() => port.Calls.Add("end wait");
    }
}
