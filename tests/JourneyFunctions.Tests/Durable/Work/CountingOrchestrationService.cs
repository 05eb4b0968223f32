using System.Runtime.CompilerServices;
using DurableTask.Core;
using DurableTask.Core.History;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// The backend's dispatcher interface passed through unchanged, noting in <see cref="DurableWorkCounts"/> each work
/// item it completes: an orchestration work item is one episode (its timers and the external events it consumed are
/// in what it hands back), an activity work item one activity execution.
/// </summary>
public sealed class CountingOrchestrationService(IOrchestrationService inner, DurableWorkCounts counts) : IOrchestrationService
{
    /// <summary>
    /// The execution each locked work item started from: a dispatcher runs ContinueAsNew within the same work item
    /// and completes it with the new generation's state, so a changed execution id is a ContinueAsNew.
    /// </summary>
    private readonly ConditionalWeakTable<TaskOrchestrationWorkItem, string> executions = new();

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        var raised = workItem.NewMessages?.Count(message => message.Event is EventRaisedEvent) ?? 0;
        var continued = continuedAsNewMessage is not null
            || executions.TryGetValue(workItem, out var started) && started != newOrchestrationRuntimeState?.OrchestrationInstance?.ExecutionId;
        counts.Episode(timerMessages?.Count ?? 0, raised, continued);
        if (orchestrationState?.OrchestrationStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated)
        {
            counts.Ended(workItem.InstanceId);
        }
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        counts.Activity((workItem.TaskMessage.Event as TaskScheduledEvent)?.Name ?? "?");
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        counts.Abandon();
        return inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        counts.Abandon();
        return inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem?.OrchestrationRuntimeState?.OrchestrationInstance?.ExecutionId is { Length: > 0 } execution)
        {
            executions.AddOrUpdate(workItem, execution);
        }

        return workItem!;
    }

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
}
