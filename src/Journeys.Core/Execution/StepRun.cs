using System.Globalization;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Execution;

/// <summary>
/// One application of an input to an instance: a mutable working copy of the state that collects step events and
/// is frozen into the next <see cref="InstanceState"/> at the end. Used by <see cref="JourneyStepper"/> only.
/// A struct that lives in one local for the length of a step, so the working copy costs no allocation; it is
/// never copied or stored (a copy would lose the changes made through it).
/// </summary>
internal partial struct StepRun
{
    private static readonly JsonEncodedText StatusProperty = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText StatusCodeProperty = JsonEncodedText.Encode("statusCode");
    private static readonly JsonEncodedText BodyProperty = JsonEncodedText.Encode("body");
    private static readonly JsonEncodedText IdProperty = JsonEncodedText.Encode("id");
    private static readonly string[] BranchNames = [.. Enumerable.Range(0, 16).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    private static readonly CompleteCommand CompletedCommand = new(InstanceStatus.Completed);
    private static readonly CompleteCommand ErroredCommand = new(InstanceStatus.Errored);
    private static readonly CompleteCommand StoppedCommand = new(InstanceStatus.Stopped);
    private static readonly CompleteCommand TimedOutCommand = new(InstanceStatus.TimedOut);

    /// <summary>
    /// One evaluation context per thread, reused step after step: it is only read during a step and is emptied
    /// when the step ends.
    /// </summary>
    [ThreadStatic]
    private static EvaluationContext? spareContext;

    private readonly CompiledJourney journey;
    private readonly StepRules rules;

    /// <summary>The state the step started from; null while starting, when the new state is built from scratch.</summary>
    private readonly InstanceState? original;
    private readonly string profileId;
    private readonly string instanceId;
    private readonly DateTimeOffset startedAt;
    private readonly DateTimeOffset deadline;
    private readonly JsonElement entry;
    private readonly IReadOnlyDictionary<string, int> previousVisits;

    /// <summary>Room for a typical step (entered, exited, entered, waiting and a little more) without regrowing.</summary>
    private readonly List<StepEvent> events = new(8);

    private DateTimeOffset now;
    private bool insideNode;
    private InstanceStatus status;
    private string? node;
    private WaitKind waiting;
    private DateTimeOffset? wakeAt;
    private DateTimeOffset? endedAt;
    private long sequence;
    private NodeVisits? visits;
    private JsonElement? receivedEvents;
    private JsonElement? actionResults;
    private JsonElement? data;
    private IReadOnlyList<DataStamp>? dataFetchedAt;
    private IReadOnlyList<DataReference>? pendingData;
    private JourneyCommand? pending;
    private EvaluationContext? context;

    public StepRun(CompiledJourney journey, InstanceState state, DateTimeOffset now, bool insideNode, StepRules rules)
    {
        this.journey = journey;
        this.rules = rules;
        original = state;
        profileId = state.ProfileId;
        instanceId = state.InstanceId;
        startedAt = state.StartedAt;
        deadline = state.Deadline;
        entry = state.Entry;
        previousVisits = state.Visits;
        this.now = now;
        this.insideNode = insideNode;
        status = state.Status;
        node = state.Node;
        waiting = state.Waiting;
        wakeAt = state.WakeAt;
        endedAt = state.EndedAt;
        sequence = state.Sequence;
        receivedEvents = state.ReceivedEvents;
        actionResults = state.ActionResults;
        data = state.Data;
        dataFetchedAt = state.DataFetchedAt;
        pendingData = state.PendingData;
        pending = state.Pending;
    }

    public static StepResult Start(CompiledJourney journey, StartInput input, DateTimeOffset now, StepRules rules)
    {
        if (input.Entry.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The entry event must be a JSON value.", nameof(input));
        }

        var run = new StepRun(journey, input, now, rules);
        try
        {
            run.Emit(StepEventKind.Started, null, outcome: journey.StartNode);
            run.Continue(journey.StartNode);
            return run.Result();
        }
        finally
        {
            run.ReleaseContext();
        }
    }

    /// <summary>A fresh instance: no state object exists until <see cref="Result"/> builds the first one.</summary>
    private StepRun(CompiledJourney journey, StartInput input, DateTimeOffset now, StepRules rules)
    {
        this.journey = journey;
        this.rules = rules;
        profileId = input.ProfileId;
        instanceId = input.InstanceId;
        startedAt = now;
        deadline = now + journey.Timeout;
        entry = input.Entry.Clone();
        previousVisits = InstanceState.NoVisits;
        this.now = now;
        status = InstanceStatus.Active;
    }

    public StepResult Apply(StepInput input)
    {
        try
        {
            return ApplyInput(input);
        }
        finally
        {
            ReleaseContext();
        }
    }

    private StepResult ApplyInput(StepInput input)
    {
        // A timer that fires a little before its time (clock skew between host and store) counts as on time.
        if (input is TimerFiredInput fired && fired.WakeAt.ToUniversalTime() == wakeAt && wakeAt > now)
        {
            now = wakeAt.Value;
        }

        if (now >= deadline && input is not StartInput)
        {
            End(InstanceStatus.TimedOut);
            return Result();
        }

        switch (input)
        {
            case StopInput:
                End(InstanceStatus.Stopped);
                break;

            case ResumeInput when waiting is WaitKind.Timer or WaitKind.Event && wakeAt <= now:
                OnTimer();
                break;

            case ResumeInput:
                // Nothing is due: hand back what the instance waits on, so a restarted host can re-issue it.
                return JourneyStepper.Unchanged(original!, pending ?? JourneyCommand.None);

            case TimerFiredInput timer when waiting is WaitKind.Timer or WaitKind.Event && timer.WakeAt.ToUniversalTime() == wakeAt:
                OnTimer();
                break;

            case EventReceivedInput received when waiting == WaitKind.Event
                && pending is WaitForEventCommand wait && string.Equals(wait.EventId, received.EventId, StringComparison.Ordinal):
                if (wakeAt <= now)
                {
                    // The event came after the timeout: the timeout wins, the event is not consumed.
                    OnTimer();
                }
                else if (!OnEvent(received))
                {
                    return JourneyStepper.Unchanged(original!, JourneyCommand.None);
                }

                break;

            case ActionCompletedInput completed when pending is CallActionCommand call
                && string.Equals(call.IdempotencyKey, completed.IdempotencyKey, StringComparison.Ordinal):
                OnActionCompleted(call, completed);
                break;

            case DataFetchedInput fetched when pending is FetchDataCommand fetch
                && string.Equals(fetch.Source, fetched.Source, StringComparison.Ordinal)
                && string.Equals(fetch.Group, fetched.Group, StringComparison.Ordinal):
                OnDataFetched(fetched);
                break;

            case JumpCompletedInput jumped when waiting == WaitKind.Jump:
                OnJumpCompleted(jumped);
                break;

            default:
                return JourneyStepper.Unchanged(original!, JourneyCommand.None);
        }

        return Result();
    }

    private CompiledNode CurrentNode => journey.FindNode(node!)
        ?? throw new InvalidOperationException($"The instance waits at node '{node}', which journey '{journey.JourneyId}' version {journey.Version} does not have.");

    private StepResult Result()
    {
        var state = original is null ? FirstState() : original with
        {
            Status = status,
            Node = node,
            Waiting = waiting,
            WakeAt = wakeAt,
            EndedAt = endedAt,
            Sequence = sequence,
            Visits = visits ?? previousVisits,
            ReceivedEvents = receivedEvents,
            ActionResults = actionResults,
            Data = data,
            DataFetchedAt = dataFetchedAt,
            PendingData = pendingData,
            Pending = pending,
        };
        var command = status == InstanceStatus.Active ? pending ?? JourneyCommand.None : Completion(status);
        return new StepResult(state, command, events);
    }

    /// <summary>The state of an instance that was just started, built in one go.</summary>
    private InstanceState FirstState() => new()
    {
        JourneyId = journey.JourneyId,
        Version = journey.Version,
        ProfileId = profileId,
        InstanceId = instanceId,
        Status = status,
        Node = node,
        Waiting = waiting,
        WakeAt = wakeAt,
        StartedAt = startedAt,
        Deadline = deadline,
        EndedAt = endedAt,
        Sequence = sequence,
        Visits = visits ?? previousVisits,
        Entry = entry,
        ReceivedEvents = receivedEvents,
        ActionResults = actionResults,
        Data = data,
        DataFetchedAt = dataFetchedAt,
        PendingData = pendingData,
        Pending = pending,
    };
}
