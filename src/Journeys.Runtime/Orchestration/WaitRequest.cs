namespace Journeys.Runtime.Orchestration;

/// <summary>
/// A durable wait: until <paramref name="Until"/> (UTC), or until the external event <paramref name="EventName"/>
/// when set, whichever comes first; a stop request always interrupts it. <paramref name="SharedStop"/>: the stop is
/// the execution's one stop wait (<see cref="IDurableSignals.Stop"/>, <see cref="OrchestrationLogic.StopWaitedOncePerExecution"/>)
/// rather than a stop wait of this wait's own, cancelled when it loses (older orchestrations).
/// </summary>
public sealed record WaitRequest(DateTimeOffset Until, string? EventName = null, bool SharedStop = false);
