namespace Journeys.Runtime.Reporting;

/// <summary>
/// One report counter: a metric of a journey version, of one of its nodes (<see cref="Node"/> empty for the
/// version itself). Metrics: <c>entered</c>, <c>completed</c>, <c>errored</c>, <c>stopped</c>, <c>timedOut</c>,
/// <c>discarded:&lt;reason&gt;</c> per version; <c>entered</c>, <c>exited</c>, <c>errors</c>, <c>waiting</c>,
/// <c>branch:&lt;name&gt;</c>, <c>actionCalls</c>, <c>actionLatencyMs</c>, <c>max:actionLatencyMs</c> per node.
/// Metrics starting with <c>max:</c> keep the greatest value instead of a sum.
/// </summary>
public readonly record struct CounterKey(string JourneyId, int Version, string Node, string Metric)
{
    public const string MaxPrefix = "max:";

    public bool IsMaximum => Metric.StartsWith(MaxPrefix, StringComparison.Ordinal);
}
