using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Connectors;

/// <summary>A clock that only moves when told. Timers stay real: only the readings used for bookkeeping are faked.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>The reading; a test may set it directly.</summary>
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
