namespace Journeys.Runtime.Simulation;

/// <summary>
/// The simulation's clock: it reads whatever instant the simulator last jumped to and never advances on its own,
/// so nothing that reads it (the action cap's minute windows) ever waits.
/// </summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
