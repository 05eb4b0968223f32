namespace Journeys.Runtime.Tests.Connectors;

/// <summary>A clock that only moves when told. Timers stay real: only the readings used for bookkeeping are faked.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now;

    public ManualClock(DateTimeOffset start)
    {
        now = start;
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
