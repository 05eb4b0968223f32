using Journeys.Azure.Durable;
using Journeys.Runtime.Orchestration;

namespace Journeys.Azure.Tests.Durable;

/// <summary>Orchestrations as a set of active ids; starts and raised events are logged. <see cref="FailFor"/> makes calls for one id throw.</summary>
internal sealed class FakeInstanceGateway : IInstanceGateway
{
    public HashSet<string> Active { get; } = [];

    public List<(string InstanceId, OrchestrationInput Input)> Starts { get; } = [];

    public List<(string InstanceId, string EventName, string Payload)> Raised { get; } = [];

    public string? FailFor { get; set; }

    /// <summary>Status reads, per instance id.</summary>
    public Dictionary<string, int> StatusReads { get; } = new(StringComparer.Ordinal);

    public Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken)
    {
        ThrowIfFailing(instanceId);
        StatusReads[instanceId] = StatusReads.GetValueOrDefault(instanceId) + 1;
        return Task.FromResult(Active.Contains(instanceId));
    }

    public Task<bool> TryStartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken)
    {
        ThrowIfFailing(instanceId);
        if (!Active.Add(instanceId))
        {
            return Task.FromResult(false);
        }

        Starts.Add((instanceId, input));
        return Task.FromResult(true);
    }

    public Task StartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken)
    {
        ThrowIfFailing(instanceId);
        Active.Add(instanceId);
        Starts.Add((instanceId, input));
        return Task.CompletedTask;
    }

    public Task RaiseAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken)
    {
        ThrowIfFailing(instanceId);
        Raised.Add((instanceId, eventName, payload));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListActiveAsync(string instanceIdPrefix, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Active.Where(id => id.StartsWith(instanceIdPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    private void ThrowIfFailing(string instanceId)
    {
        if (instanceId == FailFor)
        {
            throw new InvalidOperationException("storage unavailable");
        }
    }
}
