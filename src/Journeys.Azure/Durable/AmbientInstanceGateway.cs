using Journeys.Durable;
using Journeys.Orchestration;
using Microsoft.DurableTask.Client;

namespace Journeys.Functions.Durable;

/// <summary>
/// The <see cref="IInstanceGateway"/> registered in DI. In the isolated worker a <see cref="DurableTaskClient"/> is
/// a binding of each invocation (<c>[DurableClient]</c>), not a service, so each function that may start or signal
/// orchestrations enters <see cref="Use"/> with its client; the singletons built on this gateway (ingestion, stop
/// observer, jump activity) then use that invocation's client. <see cref="AsyncLocal{T}"/> keeps concurrent
/// invocations apart.
/// </summary>
public sealed class AmbientInstanceGateway : IInstanceGateway
{
    private static readonly AsyncLocal<IInstanceGateway?> Current = new();

    /// <summary>Makes <paramref name="client"/> the gateway of the current invocation until disposed.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = new DurableInstanceGateway(client);
        return new Scope(previous);
    }

    public Task<bool> IsActiveAsync(string instanceId, CancellationToken cancellationToken) => Gateway.IsActiveAsync(instanceId, cancellationToken);

    public Task<bool> TryStartAsync(string instanceId, OrchestrationInput input, CancellationToken cancellationToken) =>
        Gateway.TryStartAsync(instanceId, input, cancellationToken);

    public Task RaiseAsync(string instanceId, string eventName, string payload, CancellationToken cancellationToken) =>
        Gateway.RaiseAsync(instanceId, eventName, payload, cancellationToken);

    public Task<IReadOnlyList<string>> ListActiveAsync(string instanceIdPrefix, CancellationToken cancellationToken) =>
        Gateway.ListActiveAsync(instanceIdPrefix, cancellationToken);

    private static IInstanceGateway Gateway => Current.Value
        ?? throw new InvalidOperationException("This function did not bind a DurableTaskClient: wrap its work in AmbientInstanceGateway.Use(client).");

    private sealed class Scope(IInstanceGateway? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
