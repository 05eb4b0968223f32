using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Execution;

/// <summary>Running nodes: entering them, asking for their data, and executing each node type.</summary>
internal partial struct StepRun
{
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
        string? emptySegment;
        try
        {
            path = group.Path.Render(Context(), Uri.EscapeDataString, out emptySegment);
        }
        catch (ExpressionEvaluationException ex)
        {
            Fail(ex.Code, $"Data source '{group.Source}' group '{group.Group}' path: {ex.Message}");
            return null;
        }

        if (emptySegment is not null)
        {
            // '/members/{profile.id}' with an empty id would fetch '/members/' (another resource, with the source's key).
            Fail(StepErrorCodes.UrlPathSegment, $"Data source '{group.Source}' group '{group.Group}' path: {UrlPathEmptySegment.Message(emptySegment)}");
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
                End(InstanceStatus.Completed);
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
            return Exit(StepOutcomes.OtherwiseBranch, otherwise);
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
            return Exit(StepOutcomes.NextBranch, wait.Next);
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

    /// <summary>Room for the values of an action's parameters on the stack (most actions have a handful).</summary>
    [InlineArray(Length)]
    private struct InlineValues
    {
        public const int Length = 8;

        private Value first;
    }
}
