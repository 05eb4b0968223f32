using DurableTask.Core;
using DurableTask.Core.Query;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// The backend's client interface (what the Durable client reaches through the sidecar) passed through unchanged,
/// its storage requests attributed to <see cref="StorageCaller.DurableClient"/> rather than to the dispatchers.
/// </summary>
public sealed class CountingOrchestrationServiceClient<TClient>(TClient inner) : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TClient : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => AsClient(() => inner.CreateTaskOrchestrationAsync(creationMessage));

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        AsClient(() => inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses));

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => AsClient(() => inner.SendTaskOrchestrationMessageAsync(message));

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => AsClient(() => inner.SendTaskOrchestrationMessageBatchAsync(messages));

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        AsClient(() => inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken));

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => AsClient(() => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason));

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        AsClient(() => inner.GetOrchestrationStateAsync(instanceId, allExecutions));

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        AsClient(() => inner.GetOrchestrationStateAsync(instanceId, executionId));

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => AsClient(() => inner.GetOrchestrationHistoryAsync(instanceId, executionId));

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        AsClient(() => inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType));

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        AsClient(() => inner.GetOrchestrationWithQueryAsync(query, cancellationToken));

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => AsClient(() => inner.PurgeInstanceStateAsync(instanceId));

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => AsClient(() => inner.PurgeInstanceStateAsync(purgeInstanceFilter));

    private static async Task AsClient(Func<Task> call)
    {
        using (StorageRequestMeter.Attribute(StorageCaller.DurableClient))
        {
            await call();
        }
    }

    private static async Task<T> AsClient<T>(Func<Task<T>> call)
    {
        using (StorageRequestMeter.Attribute(StorageCaller.DurableClient))
        {
            return await call();
        }
    }
}
