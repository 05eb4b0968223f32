using System.Diagnostics;

namespace Journeys.Host.Bench;

/// <summary>
/// (b) Event → first action call: an open-loop sender offers a fixed rate (a request every 10 ms, whatever the
/// answers do, so a slow host cannot lower the load it is measured under); the mock endpoint notes when each
/// event's call arrives. The first second warms up and is not counted.
/// </summary>
internal static class LatencyScenario
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public static async Task<LatencyResult> RunAsync(string folder, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var sink = await ActionSink.StartAsync(cancellationToken);
        await using var host = await BenchHost.StartAsync(Path.Combine(folder, "latency.db"), 1, cancellationToken);
        await host.DefineAsync(BenchConfiguration.Latency(sink.BaseUri), BenchConfiguration.LatencyJourney, cancellationToken);

        var perTick = Math.Max(1, (int)Math.Round(options.Rate * Tick.TotalSeconds));
        var warmUpTicks = (int)(1 / Tick.TotalSeconds);
        var ticks = warmUpTicks + (int)(options.LatencySeconds / Tick.TotalSeconds);
        var total = ticks * perTick;
        var sentAt = new long[total];
        var requests = new List<Task>(ticks);
        var started = Stopwatch.GetTimestamp();
        for (var tick = 0; tick < ticks; tick++)
        {
            var due = TimeSpan.FromTicks(Tick.Ticks * tick) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var first = tick * perTick;
            var body = BenchTraffic.Array(Enumerable.Range(first, perTick).Select(BenchTraffic.Ping));
            var now = Stopwatch.GetTimestamp();
            Array.Fill(sentAt, now, first, perTick);
            requests.Add(host.SendAsync(body, cancellationToken));
        }

        await Task.WhenAll(requests);
        var sendSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            while (sink.Count < total && !limit.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }

        var measuredFrom = warmUpTicks * perTick;
        var latencies = new List<double>(total - measuredFrom);
        for (var i = measuredFrom; i < total; i++)
        {
            if (sink.TryGetFirstCall("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), out var arrived))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt[i], arrived).TotalMilliseconds);
            }
        }

        latencies.Sort();
        var measured = total - measuredFrom;
        return new LatencyResult(
            options.Rate,
            total / sendSeconds,
            measured,
            measured - latencies.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            latencies.Count == 0 ? double.NaN : latencies[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
