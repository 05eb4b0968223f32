using Journeys.Azure.Durable;
using Journeys.Runtime.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Journeys.Azure.Durable;

/// <summary><see cref="IInstanceGateway"/> over a <see cref="DurableTaskClient"/> (one per function invocation).</summary>
public sealed class DurableInstanceGateway(DurableTaskClient client) : IInstanceGateway
{
    private static readonly OrchestrationRuntimeStatus[] ActiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        return metadata is not null && ActiveStatuses.Contains(metadata.RuntimeStatus);
    }

    public async Task<bool> TryStartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken)
    {
        // Durable refuses (silently or with an error, depending on the backend) to schedule an id that is active;
        // checking first gives the caller a truthful answer in the common case, the deterministic id does the rest.
        if (await IsActiveAsync(instanceId, cancellationToken))
        {
            return false;
        }

        await StartAsync(instanceId, input, cancellationToken);
        return true;
    }

    public Task StartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            ActivityNames.Orchestrator,
            OrchestrationJson.Serialize(input),
            new StartOrchestrationOptions { InstanceId = instanceId },
            cancellationToken);

    public Task RaiseAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public async Task<IReadOnlyList<string>> ListActiveAsync(string instanceIdPrefix, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var query = new OrchestrationQuery(Statuses: ActiveStatuses, InstanceIdPrefix: instanceIdPrefix);
        await foreach (var metadata in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            ids.Add(metadata.InstanceId);
        }

        return ids;
    }
}
