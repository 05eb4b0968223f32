namespace Journeys.Runtime.Orchestration;

/// <summary>
/// A durable wait: until <paramref name="Until"/> (UTC), or until the external event <paramref name="EventName"/>
/// when set, whichever comes first; a stop request always interrupts it.
/// </summary>
public sealed record WaitRequest(DateTimeOffset Until, string? EventName = null);
