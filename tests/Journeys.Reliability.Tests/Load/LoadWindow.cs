namespace Journeys.Reliability.Tests.Load;

/// <summary>What one measurement window of the load run saw: request latencies and memory at its end.</summary>
internal sealed record LoadWindow(string Name, double[] LatenciesMs, long HeapBytes, long WorkingSetBytes)
{
    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() =>
        $"{Name}: {LatenciesMs.Length} requests, p50 {Percentile(50):0.0} ms, p95 {Percentile(95):0.0} ms, p99 {Percentile(99):0.0} ms; GC heap after full collection {HeapBytes / 1048576.0:0.0} MiB, working set {WorkingSetBytes / 1048576.0:0.0} MiB";
}
