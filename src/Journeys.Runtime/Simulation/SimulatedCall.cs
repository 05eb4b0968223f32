namespace Journeys.Runtime.Simulation;

/// <summary>
/// One HTTP attempt of a custom action (SPEC §8 <c>calls</c>): a retried call shows one entry per attempt, each with
/// its virtual time, the request as it would have been sent and what the stub answered. Capped calls and calls whose
/// templates failed send nothing and have no entry.
/// </summary>
public sealed record SimulatedCall
{
    public required string Node { get; init; }

    public required string Action { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>1 for the first attempt of a visit, then 2, 3… for its retries.</summary>
    public required int Attempt { get; init; }

    public required SimulatedRequest Request { get; init; }

    public required SimulatedResponse Response { get; init; }
}
