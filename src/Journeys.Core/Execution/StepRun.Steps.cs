using System.Globalization;

namespace Journeys.Core.Execution;

/// <summary>Recording what happened: exits, waits, the end of the instance, and the step events of each.</summary>
internal partial struct StepRun
{
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
        End(InstanceStatus.Errored);
    }

    /// <summary>Ends the instance: closes an open wait and node first so every Waiting and Entered is matched.</summary>
    private void End(InstanceStatus final)
    {
        if (waiting != WaitKind.None)
        {
            Unpark(ExecutionNames.Of(final)); // A waiting instance resumes for the reason it ends.
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
}
