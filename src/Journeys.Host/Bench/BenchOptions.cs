namespace Journeys.Host.Bench;

/// <summary>
/// The sizes of one <c>journeys bench</c> run. A size of 0 skips its scenario; CI passes small numbers, the
/// documented run uses the defaults (the figures the goals are stated for).
/// </summary>
public sealed class BenchOptions
{
    /// <summary>Events ingested over HTTP for the throughput scenario (and inserted raw for the baseline).</summary>
    public int Events { get; set; } = 100_000;

    /// <summary>Events per ingest request.</summary>
    public int Batch { get; set; } = 500;

    /// <summary>Ingest requests in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Offered rate of the latency scenario, events per second.</summary>
    public int Rate { get; set; } = 2_000;

    /// <summary>How long the latency scenario offers its rate (after one second of warm-up that is not measured).</summary>
    public int LatencySeconds { get; set; } = 10;

    /// <summary>Instances waiting on a timer that falls due for all of them at once.</summary>
    public int Timers { get; set; } = 100_000;

    /// <summary>Waiting instances for the storage and memory scenario.</summary>
    public int Waiting { get; set; } = 1_000_000;

    /// <summary>Where the JSON results go.</summary>
    public string Output { get; set; } = "bench-results.json";
}
