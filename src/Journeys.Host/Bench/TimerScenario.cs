using System.Diagnostics;

namespace Journeys.Host.Bench;

/// <summary>
/// (c) Timers: N instances park in a one-hour wait under real time; the host is stopped and restarted on the same
/// file with a clock a million times faster, so every wait is due within milliseconds of the start and all N fall
/// due at once. Measured from the restart until no instance is active (each firing moves wait → end, durably).
/// </summary>
internal static class TimerScenario
{
    private const double FastClock = 1_000_000;

    public static async Task<TimerResult> RunAsync(string folder, BenchOptions options, CancellationToken cancellationToken)
    {
        var database = Path.Combine(folder, "timers.db");
        await using (var parking = await BenchHost.StartAsync(database, 1, cancellationToken))
        {
            await parking.DefineAsync(BenchConfiguration.Timers, BenchConfiguration.TimerJourney, cancellationToken);
            await parking.SendAllAsync(BenchTraffic.Batches(options.Timers, 1_000, BenchTraffic.Timer), options.Concurrency, cancellationToken);
        }

        var stopwatch = Stopwatch.StartNew();
        await using var firing = await BenchHost.StartAsync(database, FastClock, cancellationToken);
        while (await firing.Engine.CountActiveAsync(cancellationToken) > 0)
        {
            await Task.Delay(20, cancellationToken);
        }

        stopwatch.Stop();
        var report = await firing.ReportAsync(BenchConfiguration.TimerJourney, cancellationToken);
        if (report.Completed != options.Timers)
        {
            throw new InvalidOperationException($"Expected {options.Timers} completed instances, the report has {report.Completed}.");
        }

        return new TimerResult(options.Timers, stopwatch.Elapsed.TotalSeconds, options.Timers / stopwatch.Elapsed.TotalSeconds);
    }
}
