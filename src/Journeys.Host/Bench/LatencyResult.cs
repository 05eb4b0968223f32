namespace Journeys.Host.Bench;

/// <summary>(b) Milliseconds from sending an event to its journey's first action call at the mock endpoint.</summary>
public sealed record LatencyResult(
    int OfferedRate,
    double AchievedRate,
    int Events,
    int Missing,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs);
