namespace Journeys.Runtime.Simulation;

/// <summary>
/// Bounds on one simulation, so that a scenario sent over HTTP cannot hold a host for long: events per scenario,
/// virtual time span (event offsets and <c>until</c>), and stepper calls. Defaults are the route's (docs/decisions.md).
/// </summary>
public sealed record SimulationLimits
{
    public int MaxEvents { get; init; } = 10_000;

    public TimeSpan MaxSpan { get; init; } = TimeSpan.FromDays(400);

    public int MaxSteps { get; init; } = 200_000;

    /// <summary>
    /// For <c>journeys test</c> and benchmarks, which run on the user's own machine and may simulate large
    /// populations on purpose; the span stays bounded so that virtual times cannot overflow.
    /// </summary>
    public static SimulationLimits Offline { get; } = new() { MaxEvents = 1_000_000, MaxSpan = TimeSpan.FromDays(3650), MaxSteps = 50_000_000 };
}
