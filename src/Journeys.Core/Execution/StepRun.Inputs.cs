using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Execution;

/// <summary>The inputs from the outside world: timers, events, call and fetch results, jump outcomes.</summary>
internal partial struct StepRun
{
    private void OnTimer()
    {
        var current = CurrentNode;
        switch (current.Definition)
        {
            case WaitNode wait:
                Unpark(StepOutcomes.Timer);
                Continue(Exit(StepOutcomes.NextBranch, wait.Next));
                break;
            case WaitForEventNode waitForEvent:
                Unpark(StepOutcomes.Timeout);
                if (waitForEvent.TimeoutNext is null)
                {
                    // No timeout path: the profile leaves the journey, as in AJO.
                    Emit(StepEventKind.Exited, node, branch: StepOutcomes.TimeoutBranch);
                    insideNode = false;
                    End(InstanceStatus.Completed);
                }
                else
                {
                    Continue(Exit(StepOutcomes.TimeoutBranch, waitForEvent.TimeoutNext));
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
            catch (ExpressionEvaluationException ex)
            {
                Unpark(StepOutcomes.Error);
                Fail(ex.Code, $"correlate: {ex.Message}");
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
                Unpark(StepOutcomes.Error);
                Fail(StepErrorCodes.CorrelateNotBoolean, $"correlate gave a {value.Kind}, not a boolean.");
                return true;
            }
        }

        Unpark(StepOutcomes.Event);
        receivedEvents = JsonObjects.WithMember(receivedEvents, current.Id, received.Event);
        Continue(Exit(StepOutcomes.NextBranch, waitForEvent.Next));
        return true;
    }

    private void OnActionCompleted(CallActionCommand call, ActionCompletedInput completed)
    {
        var current = CurrentNode;
        var action = (ActionNode)current.Definition;
        var statusName = ExecutionNames.Of(completed.Status);
        Unpark(StepOutcomes.Action);
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
            Continue(Exit(StepOutcomes.NextBranch, action.Next));
        }
        else if (action.ErrorNext is { } errorNext)
        {
            Continue(Exit(StepOutcomes.ErrorBranch, errorNext));
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
        Unpark(StepOutcomes.Data);
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
        Unpark(StepOutcomes.Jump);
        switch (jumped.Outcome)
        {
            case JumpOutcome.Entered:
                End(InstanceStatus.Completed);
                break;
            case JumpOutcome.SkippedAlreadyActive:
                SkipJump(StepOutcomes.SkippedAlreadyActive, $"The profile is already active in journey '{target}'.");
                break;
            case JumpOutcome.SkippedReentryNotAllowed:
                SkipJump(StepOutcomes.SkippedReentryNotAllowed, $"Journey '{target}' does not allow the profile to enter again.");
                break;
            case JumpOutcome.SkippedReentryTooSoon:
                SkipJump(StepOutcomes.SkippedReentryTooSoon, $"The profile left journey '{target}' too recently to enter it again.");
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
        End(InstanceStatus.Completed);
    }
}
