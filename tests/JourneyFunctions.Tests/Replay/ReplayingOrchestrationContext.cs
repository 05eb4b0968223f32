using Journeys.Azure.Durable;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// A Durable context fed from one recorded generation. Every call the orchestrator makes is checked against the
/// next call of the timeline (kind, name, time, input); answers are delivered by <see cref="DeliverNext"/> in the
/// recorded order, with the recorded orchestration time. The first difference is kept as <see cref="Divergence"/>
/// and also thrown into the orchestrator, which is how Durable's own non-determinism check stops a replay.
/// </summary>
internal sealed class ReplayingOrchestrationContext(string instanceId, HistoryGeneration generation, string where) : TaskOrchestrationContext
{
    private readonly Dictionary<int, Action<HistoryEntry>> pending = [];
    private readonly Dictionary<int, HistoryEntry> issued = [];
    private int cursor;
    private int calls;

    public ReplayDivergenceException? Divergence { get; private set; }

    public bool AtEnd => cursor >= generation.Timeline.Count;

    /// <summary>The timeline entry the replay has reached.</summary>
    public HistoryEntry? Next => AtEnd ? null : generation.Timeline[cursor];

    public override TaskName Name => new(ActivityNames.Orchestrator);

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => true;

    public override TaskOrchestrationEntityFeature Entities => throw RecordingOrchestrationContext.Unsupported(nameof(Entities));

    protected override ILoggerFactory LoggerFactory => throw RecordingOrchestrationContext.Unsupported(nameof(LoggerFactory));

    private DateTime Now { get; set; } = generation.StartedAt;

    public override T? GetInput<T>()
        where T : default => HistoryPayload.Decode<T>(generation.Input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var call = ++calls;
        var source = new TaskCompletionSource<TResult>();
        pending[call] = answer =>
        {
            if (answer.Kind == HistoryEntryKind.Failed)
            {
                source.TrySetException(new TaskFailedException(name.Name, call, new TaskFailureDetails("ActivityFailure", answer.Error ?? string.Empty, null, null, null)));
            }
            else
            {
                source.TrySetResult(HistoryPayload.Decode<TResult>(answer.Payload)!);
            }
        };
        Issue(new HistoryEntry { Kind = HistoryEntryKind.Activity, Call = call, Name = name.Name, Payload = HistoryPayload.Encode(input) });
        return source.Task;
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var call = ++calls;
        var source = new TaskCompletionSource();
        pending[call] = _ => source.TrySetResult();
        WatchCancellation(call, cancellationToken, () => source.TrySetCanceled(cancellationToken));
        Issue(new HistoryEntry { Kind = HistoryEntryKind.Timer, Call = call, At = fireAt });
        return source.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var call = ++calls;
        var source = new TaskCompletionSource<T>();
        pending[call] = answer => source.TrySetResult(HistoryPayload.Decode<T>(answer.Payload)!);
        WatchCancellation(call, cancellationToken, () => source.TrySetCanceled(cancellationToken));
        Issue(new HistoryEntry { Kind = HistoryEntryKind.WaitForEvent, Call = call, Name = eventName });
        return source.Task;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        Issue(new HistoryEntry { Kind = HistoryEntryKind.ContinueAsNew, Payload = HistoryPayload.Encode(newInput), PreserveUnprocessedEvents = preserveUnprocessedEvents });

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw RecordingOrchestrationContext.Unsupported(nameof(CallSubOrchestratorAsync));

    public override void SendEvent(string instanceId, string eventName, object payload) => throw RecordingOrchestrationContext.Unsupported(nameof(SendEvent));

    public override void SetCustomStatus(object? customStatus) => throw RecordingOrchestrationContext.Unsupported(nameof(SetCustomStatus));

    public override Guid NewGuid() => throw RecordingOrchestrationContext.Unsupported(nameof(NewGuid));

    /// <summary>
    /// Delivers the next recorded answer (the orchestrator has run until it waits). False at the end of the
    /// timeline; a divergence when the timeline's next entry is a call the orchestrator has not made.
    /// </summary>
    public bool DeliverNext()
    {
        if (Divergence is not null || AtEnd)
        {
            return false;
        }

        var next = generation.Timeline[cursor];
        if (next.IsCall)
        {
            Diverge($"the history has {next} next, but the orchestrator made no further call: it waits on {Waiting()}");
            return false;
        }

        cursor++;
        Deliver(next);
        return true;
    }

    /// <summary>What the orchestrator waits on: its calls without a delivered answer.</summary>
    public string Waiting() => pending.Count == 0 ? "nothing" : string.Join("; ", pending.Keys.Order().Select(call => issued[call].ToString()));

    public void Diverge(string what) => Divergence ??= new ReplayDivergenceException($"{where}: {what}.");

    private void Issue(HistoryEntry call)
    {
        if (Divergence is not null)
        {
            throw Divergence;
        }

        if (call.Call > 0)
        {
            issued[call.Call] = call;
        }

        if (AtEnd)
        {
            Diverge($"the history has ended, but the orchestrator made {call}");
            throw Divergence!;
        }

        var expected = generation.Timeline[cursor];
        if (!expected.IsCall)
        {
            Diverge($"the history has the {expected} next (the orchestrator should be waiting on {Waiting()}), but the orchestrator made {call}");
            throw Divergence!;
        }

        if (!expected.SameCallAs(call))
        {
            Diverge($"at timeline entry {cursor + 1} the history has\n  {expected}\nbut the orchestrator made\n  {call}");
            throw Divergence!;
        }

        cursor++;
        if (call.Kind == HistoryEntryKind.Cancel)
        {
            pending.Remove(call.Call);
        }

        // An answer that was there when the call was made (an event Durable had buffered) completes it at once.
        if (!AtEnd && generation.Timeline[cursor] is { Synchronously: true } answer && answer.Call == call.Call)
        {
            cursor++;
            Deliver(answer);
        }
    }

    private void Deliver(HistoryEntry answer)
    {
        if (!pending.Remove(answer.Call, out var complete))
        {
            Diverge($"the history has the {answer}, but the orchestrator has no such call waiting (it waits on {Waiting()})");
            return;
        }

        Now = answer.At!.Value;
        complete(answer);
    }

    private void WatchCancellation(int call, CancellationToken cancellationToken, Action cancel) =>
        cancellationToken.Register(() =>
        {
            cancel();
            Issue(new HistoryEntry { Kind = HistoryEntryKind.Cancel, Call = call });
        });
}
