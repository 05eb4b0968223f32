using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// The real Durable context of one orchestrator execution, with every call the orchestrator makes and every answer
/// it gets written to a timeline. Durable replays an orchestrator from the start of its generation at each episode,
/// so the execution that reaches the end (completes or continues as new) saw the whole generation.
/// </summary>
internal sealed class RecordingOrchestrationContext(TaskOrchestrationContext inner) : TaskOrchestrationContext
{
    private readonly List<HistoryEntry> timeline = [];
    private int calls;

    public IReadOnlyList<HistoryEntry> Timeline => timeline;

    public DateTime StartedAt { get; } = inner.CurrentUtcDateTime;

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override TaskOrchestrationEntityFeature Entities => throw Unsupported(nameof(Entities));

    protected override ILoggerFactory LoggerFactory => throw Unsupported(nameof(LoggerFactory));

    public override T? GetInput<T>()
        where T : default => inner.GetInput<T>();

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var call = ++calls;
        timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.Activity, Call = call, Name = name.Name, Payload = HistoryPayload.Encode(input) });
        return TrackAsync(call, inner.CallActivityAsync<TResult>(name, input, options));
    }

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var call = ++calls;
        timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.Timer, Call = call, At = fireAt });
        WatchCancellation(call, cancellationToken);
        var timer = inner.CreateTimer(fireAt, cancellationToken);
        var synchronously = timer.IsCompleted;
        await timer; // a cancelled timer throws here: its cancel entry is already in the timeline
        timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.Completed, Call = call, At = inner.CurrentUtcDateTime, Synchronously = synchronously });
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var call = ++calls;
        timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.WaitForEvent, Call = call, Name = eventName });
        WatchCancellation(call, cancellationToken);
        return TrackAsync(call, inner.WaitForExternalEvent<T>(eventName, cancellationToken));
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.ContinueAsNew, Payload = HistoryPayload.Encode(newInput), PreserveUnprocessedEvents = preserveUnprocessedEvents });
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw Unsupported(nameof(CallSubOrchestratorAsync));

    public override void SendEvent(string instanceId, string eventName, object payload) => throw Unsupported(nameof(SendEvent));

    public override void SetCustomStatus(object? customStatus) => throw Unsupported(nameof(SetCustomStatus));

    public override Guid NewGuid() => throw Unsupported(nameof(NewGuid));

    /// <summary>The app's orchestrator uses none of these; a recording that needs one must learn to record it first.</summary>
    internal static NotSupportedException Unsupported(string member) =>
        new($"The golden-history recorder and replayer do not support {member}: add it to both before the orchestrator uses it.");

    private void WatchCancellation(int call, CancellationToken cancellationToken) =>
        cancellationToken.Register(() => timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.Cancel, Call = call }));

    private async Task<T> TrackAsync<T>(int call, Task<T> task)
    {
        var synchronously = task.IsCompleted;
        try
        {
            var result = await task;
            timeline.Add(new HistoryEntry
            {
                Kind = HistoryEntryKind.Completed,
                Call = call,
                At = inner.CurrentUtcDateTime,
                Payload = HistoryPayload.Encode(result),
                Synchronously = synchronously,
            });
            return result;
        }
        catch (TaskFailedException ex)
        {
            timeline.Add(new HistoryEntry { Kind = HistoryEntryKind.Failed, Call = call, At = inner.CurrentUtcDateTime, Error = ex.FailureDetails.ErrorMessage });
            throw;
        }
    }
}
