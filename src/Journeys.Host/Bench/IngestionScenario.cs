using System.Diagnostics;

namespace Journeys.Host.Bench;

/// <summary>
/// (a) Ingestion: new abandoned carts over HTTP, each entering the sample journey and parking in its waitForEvent,
/// acknowledged only once committed; then the same event bodies inserted raw into a second file.
/// </summary>
internal static class IngestionScenario
{
    private const int WarmUpEvents = 2_000;

    public static async Task<IngestionResult> RunAsync(string folder, BenchOptions options, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(Path.Combine(folder, "ingest.db"), 1, cancellationToken);
        await host.DefineCartJourneyAsync(cancellationToken);
        await host.SendAllAsync(BenchTraffic.Batches(WarmUpEvents, options.Batch, i => BenchTraffic.Cart("w", i)), options.Concurrency, cancellationToken);

        var events = Enumerable.Range(0, options.Events).Select(i => BenchTraffic.Cart("r", i)).ToArray();
        var bodies = events.Chunk(options.Batch).Select(BenchTraffic.Array).ToArray();
        var stopwatch = Stopwatch.StartNew();
        await host.SendAllAsync(bodies, options.Concurrency, cancellationToken);
        stopwatch.Stop();
        var entered = (await host.ReportAsync(BenchConfiguration.CartJourney, cancellationToken)).Entered - WarmUpEvents;

        var rows = events.Select((body, i) => ("er-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), body)).ToArray();
        var raw = RawInsertBaseline.Run(folder, rows);
        var rate = options.Events / stopwatch.Elapsed.TotalSeconds;
        var rawRate = options.Events / raw;
        return new IngestionResult(options.Events, entered, stopwatch.Elapsed.TotalSeconds, rate, raw, rawRate, rate / rawRate);
    }
}
