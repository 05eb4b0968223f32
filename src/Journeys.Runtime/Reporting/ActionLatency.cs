namespace Journeys.Runtime.Reporting;

/// <summary>Completed calls of an action node and their latency in milliseconds (all attempts of a call together).</summary>
public sealed record ActionLatency(long Calls, double AverageMs, long MaxMs);
