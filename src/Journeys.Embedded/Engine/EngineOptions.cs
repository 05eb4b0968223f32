using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>Tuning of the embedded engine; the defaults suit one process on a small machine.</summary>
public sealed class EngineOptions
{
    /// <summary>Action calls in flight at once.</summary>
    public int MaxConcurrentWork { get; set; } = 64;

    /// <summary>
    /// Data fetches in flight at once. A pool of its own, because a fetch may wait for its source's rate limit and
    /// must not hold up action calls meanwhile.
    /// </summary>
    public int MaxConcurrentFetches { get; set; } = 16;

    /// <summary>Events routed in one transaction at most (several ingest requests are grouped up to this).</summary>
    public int MaxEventsPerTransaction { get; set; } = 10_000;

    /// <summary>Work completions applied in one transaction at most.</summary>
    public int MaxCompletionsPerTransaction { get; set; } = 2_000;

    /// <summary>Due timers fired in one transaction at most.</summary>
    public int MaxTimersPerTransaction { get; set; } = 2_000;

    /// <summary>How long event keys are remembered for de-duplication.</summary>
    public TimeSpan EventKeyRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Journey time runs this many times faster than real time (SPEC §7 --time-scale).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>The longest the loop sleeps without looking at the clock and the catalog.</summary>
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long in-flight calls may take before they are abandoned (and redone after restart).</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);
}
