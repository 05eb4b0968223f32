namespace Journeys.Runtime.Time;

/// <summary>
/// The one clock of a runtime (SPEC §7 <c>--time-scale</c>): journey time runs <see cref="Scale"/> times faster
/// than real time, so every wait, waitForEvent timeout and journey timeout takes 1/N of its real duration, and
/// <c>now()</c> in expressions agrees with the timers. Outgoing HTTP timeouts do not use this clock.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider real;
    private readonly DateTimeOffset realOrigin;
    private readonly DateTimeOffset journeyOrigin;

    /// <param name="real">The real clock (the system clock outside tests).</param>
    /// <param name="scale">How many journey seconds pass per real second; 1 is real time.</param>
    /// <param name="resumeFrom">
    /// The latest journey time a previous run of the same database reached. Journey time never goes backwards
    /// across restarts, or timers set under a fast clock would wait in real time for the gap.
    /// </param>
    public ScaledTimeProvider(TimeProvider real, double scale, DateTimeOffset? resumeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (!(scale >= 1) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The time scale must be a finite number ≥ 1.");
        }

        this.real = real;
        Scale = scale;
        realOrigin = real.GetUtcNow();
        journeyOrigin = resumeFrom is { } previous && previous > realOrigin ? previous : realOrigin;
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = real.GetUtcNow() - realOrigin;
        return journeyOrigin + (Scale == 1 ? elapsed : TimeSpan.FromTicks((long)(elapsed.Ticks * Scale)));
    }

    /// <summary>How long to wait in real time until the journey clock reads <paramref name="journeyTime"/>.</summary>
    public TimeSpan RealDelayUntil(DateTimeOffset journeyTime)
    {
        var remaining = journeyTime - GetUtcNow();
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling(remaining.Ticks / Scale));
    }

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
