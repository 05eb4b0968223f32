using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Journeys.Expressions;
using Journeys.Model;

namespace Journeys.Execution;

/// <summary>
/// One application of an input to an instance: a mutable working copy of the state that collects step events and
/// is frozen into the next <see cref="InstanceState"/> at the end. Used by <see cref="JourneyStepper"/> only.
/// A struct that lives in one local for the length of a step, so the working copy costs no allocation; it is
/// never copied or stored (a copy would lose the changes made through it).
/// </summary>
internal struct StepRun
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

    public StepRun(CompiledJourney journey, InstanceState state, DateTimeOffset now, bool insideNode)
    {
        this.journey = journey;
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

    public static StepResult Start(CompiledJourney journey, StartInput input, DateTimeOffset now)
    {
        if (input.Entry.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The entry event must be a JSON value.", nameof(input));
        }

        var run = new StepRun(journey, input, now);
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
    private StepRun(CompiledJourney journey, StartInput input, DateTimeOffset now)
    {
        this.journey = journey;
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
            End(InstanceStatus.TimedOut, "timedOut");
            return Result();
        }

        switch (input)
        {
            case StopInput:
                End(InstanceStatus.Stopped, "stopped");
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

    private void OnTimer()
    {
        var current = CurrentNode;
        switch (current.Definition)
        {
            case WaitNode wait:
                Unpark("timer");
                Continue(Exit("next", wait.Next));
                break;
            case WaitForEventNode waitForEvent:
                Unpark("timeout");
                if (waitForEvent.TimeoutNext is null)
                {
                    // No timeout path: the profile leaves the journey, as in AJO.
                    Emit(StepEventKind.Exited, node, branch: "timeout");
                    insideNode = false;
                    End(InstanceStatus.Completed, null);
                }
                else
                {
                    Continue(Exit("timeout", waitForEvent.TimeoutNext));
                }

                break;
        }
    }

    /// <summary>Returns false when the event does not correlate (nothing changes).</summary>
    private bool OnEvent(EventReceivedInput received)
    {
        var current = CurrentNode;
        var waitForEvent = (WaitForEventNode)current.Definition;
        if (current.Correlate is { } correlate)
        {
            var evaluation = Context();
            evaluation.Event = received.Event;
            Value value;
            try
            {
                value = correlate.Evaluate(evaluation);
            }
            catch (Exception ex) when (IsEvaluationFailure(ex))
            {
                Unpark("error");
                Fail(CodeOf(ex), $"correlate: {ex.Message}");
                return true;
            }
            finally
            {
                evaluation.Event = default;
            }

            if (value.Kind == ValueKind.Null || (value.Kind == ValueKind.Boolean && !value.AsBoolean()))
            {
                return false;
            }

            if (value.Kind != ValueKind.Boolean)
            {
                Unpark("error");
                Fail(StepErrorCodes.CorrelateNotBoolean, $"correlate gave a {value.Kind}, not a boolean.");
                return true;
            }
        }

        Unpark("event");
        receivedEvents = JsonObjects.WithMember(receivedEvents, current.Id, received.Event);
        Continue(Exit("next", waitForEvent.Next));
        return true;
    }

    private void OnActionCompleted(CallActionCommand call, ActionCompletedInput completed)
    {
        var current = CurrentNode;
        var action = (ActionNode)current.Definition;
        var statusName = ExecutionNames.Of(completed.Status);
        Unpark("action");
        actionResults = JsonObjects.WithMember(actionResults, current.Id, completed, static (writer, completed) =>
        {
            writer.WriteStartObject();
            writer.WriteString(StatusProperty, ExecutionNames.Of(completed.Status));
            if (completed.StatusCode is { } code)
            {
                writer.WriteNumber(StatusCodeProperty, code);
            }
            else
            {
                writer.WriteNull(StatusCodeProperty);
            }

            writer.WritePropertyName(BodyProperty);
            JsonObjects.WriteValue(writer, completed.Body);
            writer.WriteEndObject();
        });
        var actionMessage = string.Equals(call.ActionId, action.Action, StringComparison.Ordinal) ? current.ActionMessage : $"action '{call.ActionId}'";
        var cause = completed.Status == ActionStatus.Ok ? null : FailureCause(completed);
        Emit(
            StepEventKind.ActionResult,
            current.Id,
            outcome: statusName,
            code: completed.Status == ActionStatus.Ok ? null : completed.ErrorCode,
            message: cause is null ? actionMessage : $"{actionMessage}: {cause}",
            statusCode: completed.StatusCode,
            latencyMs: completed.LatencyMs);

        if (completed.Status == ActionStatus.Ok)
        {
            Continue(Exit("next", action.Next));
        }
        else if (action.ErrorNext is { } errorNext)
        {
            Continue(Exit("error", errorNext));
        }
        else
        {
            Fail(StepErrorCodes.ActionFailed, $"Action '{call.ActionId}' ended '{statusName}' and the node has no errorNext" + (cause is null ? "." : $": {cause}"));
        }
    }

    /// <summary>Why a call failed, as the host reported it, with the attempts made; null when the host said nothing.</summary>
    private static string? FailureCause(ActionCompletedInput completed)
    {
        var attempts = completed.Attempts switch
        {
            null or <= 0 => null,
            1 => "1 attempt",
            var n => $"{n} attempts",
        };
        return (completed.Error, attempts) switch
        {
            (null, null) => null,
            ({ } error, null) => error,
            (null, { } made) => $"{made} made",
            ({ } error, { } made) => $"{error.TrimEnd('.')} ({made})",
        };
    }

    private void OnDataFetched(DataFetchedInput fetched)
    {
        var current = CurrentNode;
        var outcome = $"{fetched.Source}.{fetched.Group}";
        Unpark("data");
        if (fetched.Error is { } error)
        {
            var message = $"Fetching data '{outcome}' failed: {error}";
            Emit(StepEventKind.DataFetched, current.Id, outcome: outcome, code: StepErrorCodes.DataFetchFailed, message: error);
            Fail(StepErrorCodes.DataFetchFailed, message);
            return;
        }

        data = JsonObjects.WithNestedMember(data, fetched.Source, fetched.Group, fetched.Body);
        Stamp(fetched.Source, fetched.Group);
        Emit(StepEventKind.DataFetched, current.Id, outcome: outcome);

        pendingData = pendingData is { Count: > 1 } remaining ? remaining.Skip(1).ToList() : null;
        if (pendingData is not null)
        {
            RequestData(current);
        }
        else
        {
            Continue(Run(current));
        }
    }

    private void OnJumpCompleted(JumpCompletedInput jumped)
    {
        var target = (pending as JumpCommand)?.TargetJourneyId;
        Unpark("jump");
        switch (jumped.Outcome)
        {
            case JumpOutcome.Entered:
                End(InstanceStatus.Completed, null);
                break;
            case JumpOutcome.SkippedAlreadyActive:
                SkipJump("skippedAlreadyActive", $"The profile is already active in journey '{target}'.");
                break;
            case JumpOutcome.SkippedReentryNotAllowed:
                SkipJump("skippedReentryNotAllowed", $"Journey '{target}' does not allow the profile to enter again.");
                break;
            case JumpOutcome.SkippedReentryTooSoon:
                SkipJump("skippedReentryTooSoon", $"The profile left journey '{target}' too recently to enter it again.");
                break;
            default:
                Fail(StepErrorCodes.JumpNoLiveVersion, $"Journey '{target}' has no live version to jump into.");
                break;
        }
    }

    /// <summary>The target's entry rules refused the jump: recorded with the rule, and this instance completes.</summary>
    private void SkipJump(string outcome, string message)
    {
        Emit(StepEventKind.JumpSkipped, node, outcome: outcome, message: message);
        End(InstanceStatus.Completed, null);
    }

    /// <summary>Runs nodes from <paramref name="target"/> until one needs the outside world or the instance ends.</summary>
    private void Continue(string? target)
    {
        var transitions = 0;
        while (target is not null)
        {
            if (++transitions > JourneyStepper.MaxTransitionsPerStep)
            {
                Fail(StepErrorCodes.StepLimitExceeded, $"More than {JourneyStepper.MaxTransitionsPerStep} transitions without waiting; the journey loops through waits that are already due.");
                return;
            }

            if (journey.FindNode(target) is not { } next)
            {
                Fail(StepErrorCodes.NodeMissing, $"Node '{target}' does not exist.");
                return;
            }

            Enter(next);
            target = NeedsData(next) ? RequestData(next) : Run(next);
        }
    }

    private void Enter(CompiledNode next)
    {
        visits ??= NodeVisits.CopyOf(previousVisits);
        visits.Increment(next.Id);
        node = next.Id;
        insideNode = true;
        Emit(StepEventKind.Entered, next.Id);
    }

    /// <summary>Collects the node's data groups that were never fetched or whose <c>cacheSeconds</c> ran out.</summary>
    private bool NeedsData(CompiledNode current)
    {
        List<DataReference>? missing = null;
        foreach (var reference in current.DataReferences)
        {
            var stamp = FindStamp(reference);
            var cacheSeconds = journey.DataGroup(reference).CacheSeconds;
            if (stamp is null || (cacheSeconds is { } seconds && now >= stamp.FetchedAt.AddSeconds(seconds)))
            {
                (missing ??= []).Add(reference);
            }
        }

        pendingData = missing;
        return missing is not null;
    }

    private DataStamp? FindStamp(DataReference reference)
    {
        if (dataFetchedAt is null)
        {
            return null;
        }

        for (var i = 0; i < dataFetchedAt.Count; i++)
        {
            var stamp = dataFetchedAt[i];
            if (string.Equals(stamp.Source, reference.Source, StringComparison.Ordinal) && string.Equals(stamp.Group, reference.Group, StringComparison.Ordinal))
            {
                return stamp;
            }
        }

        return null;
    }

    private string? RequestData(CompiledNode current)
    {
        var group = journey.DataGroup(pendingData![0]);
        string path;
        try
        {
            path = group.Path.Render(Context(), Uri.EscapeDataString);
        }
        catch (Exception ex) when (IsEvaluationFailure(ex))
        {
            Fail(CodeOf(ex), $"Data source '{group.Source}' group '{group.Group}' path: {ex.Message}");
            return null;
        }

        Park(WaitKind.Data, null, new FetchDataCommand(current.Id, group.Source, group.Group, group.Method, path, group.CacheSeconds));
        return null;
    }

    /// <summary>Executes a node whose data is present. Returns the next node to enter, or null when the run stops here.</summary>
    private string? Run(CompiledNode current)
    {
        switch (current.Definition)
        {
            case ConditionNode condition:
                return RunCondition(current, condition);

            case SplitNode split:
                var bucket = JourneyStepper.SplitBucket(current.SplitHashPrefix, profileId, current.SplitHashSuffix);
                var thresholds = current.SplitThresholds;
                var index = 0;
                while (index < thresholds.Length - 1 && bucket >= thresholds[index])
                {
                    index++;
                }

                return Exit(BranchName(index), split.Branches![index].Next);

            case WaitNode wait:
                return RunWait(current, wait);

            case WaitForEventNode waitForEvent:
                var timeoutAt = current.Timeout is { } timeout ? Earliest(now + timeout, deadline) : deadline;
                Park(WaitKind.Event, timeoutAt, new WaitForEventCommand(current.Id, waitForEvent.Event!, timeoutAt));
                return null;

            case ActionNode action:
                return RunAction(current, action);

            case JumpNode jump:
                Park(WaitKind.Jump, null, new JumpCommand(current.Id, jump.Journey!, entry));
                return null;

            default:
                End(InstanceStatus.Completed, null);
                return null;
        }
    }

    private string? RunCondition(CompiledNode current, ConditionNode condition)
    {
        for (var i = 0; i < current.Whens.Length; i++)
        {
            if (!TryEvaluate(current.Whens[i], current.WhenProperties[i], out var value))
            {
                return null;
            }

            if (value.Kind == ValueKind.Boolean)
            {
                if (value.AsBoolean())
                {
                    return Exit(BranchName(i), condition.Branches![i].Next);
                }
            }
            else if (value.Kind != ValueKind.Null)
            {
                Fail(StepErrorCodes.ConditionNotBoolean, $"branches[{i}].when gave a {value.Kind}, not a boolean.");
                return null;
            }
        }

        if (condition.Otherwise is { } otherwise)
        {
            return Exit("otherwise", otherwise);
        }

        Fail(StepErrorCodes.ConditionNoMatch, "No branch was true and the condition has no otherwise.");
        return null;
    }

    private string? RunWait(CompiledNode current, WaitNode wait)
    {
        DateTimeOffset due;
        if (current.Duration is { } duration)
        {
            due = now + duration;
        }
        else
        {
            if (!TryEvaluate(current.Until!, "until", out var value))
            {
                return null;
            }

            if (value.Kind == ValueKind.DateTime)
            {
                due = value.AsDateTime();
            }
            else if (value.Kind == ValueKind.String
                && DateTimeOffset.TryParse(value.AsString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                due = parsed;
            }
            else
            {
                Fail(StepErrorCodes.WaitUntilInvalid, $"until gave {(value.IsNull ? "null" : $"a {value.Kind}")}, not a datetime.");
                return null;
            }

            due = due.ToUniversalTime();
        }

        if (due <= now)
        {
            return Exit("next", wait.Next);
        }

        var wake = Earliest(due, deadline);
        Park(WaitKind.Timer, wake, new StartTimerCommand(current.Id, wake));
        return null;
    }

    private string? RunAction(CompiledNode current, ActionNode action)
    {
        // Every value is evaluated before any is written, as always: the first failing parameter (in ordinal name
        // order) is the error reported. A few values fit in a buffer on the stack.
        var inline = default(InlineValues);
        var count = current.ParamValues.Length;
        Span<Value> values = count <= InlineValues.Length ? inline[..count] : new Value[count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryEvaluate(current.ParamValues[i], current.ParamProperties[i], out values[i]))
            {
                return null;
            }
        }

        JsonElement parameters;
        using (var scratch = JsonScratch.Rent())
        {
            var writer = scratch.Writer;
            writer.WriteStartObject();
            for (var i = 0; i < values.Length; i++)
            {
                writer.WritePropertyName(current.ParamNames[i]);
                values[i].WriteTo(writer);
            }

            writer.WriteEndObject();
            parameters = scratch.ToElement();
        }

        var key = JourneyStepper.IdempotencyKey(instanceId, current.Id, visits?.GetValueOrDefault(current.Id) ?? previousVisits.GetValueOrDefault(current.Id));
        Park(WaitKind.Action, null, new CallActionCommand(current.Id, action.Action!, parameters, key));
        return null;
    }

    private bool TryEvaluate(CompiledExpression expression, string property, out Value value)
    {
        try
        {
            value = expression.Evaluate(Context());
            return true;
        }
        catch (Exception ex) when (IsEvaluationFailure(ex))
        {
            Fail(CodeOf(ex), $"{property}: {ex.Message}");
            value = default;
            return false;
        }
    }

    /// <summary>
    /// Failures an expression can raise at run time. Besides the language's own exception, conversion errors of
    /// the value layer are caught too, so that no input can crash a host; programming errors still surface.
    /// </summary>
    private static bool IsEvaluationFailure(Exception ex) =>
        ex is ExpressionEvaluationException or InvalidOperationException or FormatException or OverflowException or ArgumentException;

    private static string CodeOf(Exception ex) => ex is ExpressionEvaluationException evaluation ? evaluation.Code : "EXPR_RUNTIME";

    /// <summary>The expression roots as of now; refreshed before each use because a step may add results.</summary>
    private EvaluationContext Context()
    {
        if (context is null)
        {
            context = spareContext ?? new EvaluationContext();
            spareContext = null;
            context.Entry = entry;
            context.Journey = journey.JourneyElement;
            context.DeferProfile(profileId, BuildProfile);
        }

        context.Events = receivedEvents ?? default;
        context.Actions = actionResults ?? default;
        context.Data = data ?? default;
        context.Now = now;
        return context;
    }

    /// <summary>Hands the evaluation context back for the thread's next step, holding on to no instance's JSON.</summary>
    private void ReleaseContext()
    {
        if (context is { } used)
        {
            context = null;
            used.Entry = default;
            used.Event = default;
            used.Profile = default;
            used.Journey = default;
            used.Events = default;
            used.Actions = default;
            used.Data = default;
            used.Params = default;
            spareContext = used;
        }
    }

    /// <summary>The <c>profile</c> root: <c>{ "id": profileId }</c>.</summary>
    private static JsonElement BuildProfile(string profileId)
    {
        using var scratch = JsonScratch.Rent();
        scratch.Writer.WriteStartObject();
        scratch.Writer.WriteString(IdProperty, profileId);
        scratch.Writer.WriteEndObject();
        return scratch.ToElement();
    }

    /// <summary>The exit branch of condition/split branch <paramref name="index"/>: <c>"0"</c>, <c>"1"</c>…</summary>
    private static string BranchName(int index) =>
        index < BranchNames.Length ? BranchNames[index] : index.ToString(CultureInfo.InvariantCulture);

    private string? Exit(string branch, string? target)
    {
        if (target is null)
        {
            Fail(StepErrorCodes.NodeMissing, $"The '{branch}' path of node '{node}' leads nowhere.");
            return null;
        }

        Emit(StepEventKind.Exited, node, branch: branch, target: target);
        insideNode = false;
        return target;
    }

    private void Park(WaitKind kind, DateTimeOffset? until, JourneyCommand command)
    {
        waiting = kind;
        wakeAt = until;
        pending = command;
        Emit(StepEventKind.Waiting, node, outcome: ExecutionNames.Of(kind));
    }

    private void Unpark(string reason)
    {
        Emit(StepEventKind.Resumed, node, outcome: reason);
        waiting = WaitKind.None;
        wakeAt = null;
        pending = null;
    }

    private void Fail(string code, string message)
    {
        Emit(StepEventKind.Error, node, code: code, message: message);
        End(InstanceStatus.Errored, "errored");
    }

    /// <summary>Ends the instance: closes an open wait and node first so every Waiting and Entered is matched.</summary>
    private void End(InstanceStatus final, string? resumeReason)
    {
        if (waiting != WaitKind.None)
        {
            Unpark(resumeReason ?? ExecutionNames.Of(final));
        }

        if (insideNode)
        {
            Emit(StepEventKind.Exited, node);
            insideNode = false;
        }

        status = final;
        endedAt = now;
        pendingData = null;
        Emit(StepEventKind.Ended, node, outcome: ExecutionNames.Of(final));
    }

    private void Stamp(string source, string group)
    {
        var stamps = (dataFetchedAt ?? []).Where(s =>
            !(string.Equals(s.Source, source, StringComparison.Ordinal) && string.Equals(s.Group, group, StringComparison.Ordinal))).ToList();
        stamps.Add(new DataStamp(source, group, now));
        stamps.Sort(static (a, b) => string.CompareOrdinal(a.Source, b.Source) is var bySource and not 0 ? bySource : string.CompareOrdinal(a.Group, b.Group));
        dataFetchedAt = stamps;
    }

    private void Emit(
        StepEventKind kind,
        string? at,
        string? branch = null,
        string? target = null,
        string? outcome = null,
        string? code = null,
        string? message = null,
        int? statusCode = null,
        long? latencyMs = null)
    {
        events.Add(new StepEvent(++sequence, kind, at, now)
        {
            Branch = branch,
            Target = target,
            Outcome = outcome,
            Code = code,
            Message = message,
            StatusCode = statusCode,
            LatencyMs = latencyMs,
        });
    }

    /// <summary>Commands are immutable records: one per final status serves every instance.</summary>
    private static CompleteCommand Completion(InstanceStatus final) => final switch
    {
        InstanceStatus.Completed => CompletedCommand,
        InstanceStatus.Errored => ErroredCommand,
        InstanceStatus.Stopped => StoppedCommand,
        InstanceStatus.TimedOut => TimedOutCommand,
        _ => new CompleteCommand(final),
    };

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

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

    /// <summary>Room for the values of an action's parameters on the stack (most actions have a handful).</summary>
    [InlineArray(Length)]
    private struct InlineValues
    {
        public const int Length = 8;

        private Value first;
    }
}
