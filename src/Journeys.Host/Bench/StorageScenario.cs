using System.Diagnostics;
using System.Text;

namespace Journeys.Host.Bench;

/// <summary>
/// (d) What a waiting instance costs: M abandoned carts parked in the sample journey's waitForEvent. Storage is the
/// growth of database plus WAL after a truncating checkpoint; memory is the growth of the managed heap (after a full
/// collection) and of the process working set. The events are made batch by batch, so the bench's own memory does
/// not grow with M.
/// </summary>
internal static class StorageScenario
{
    private const int WarmUpEvents = 1_000;

    public static async Task<StorageResult> RunAsync(string folder, BenchOptions options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var host = await BenchHost.StartAsync(Path.Combine(folder, "storage.db"), 1, cancellationToken);
        await host.DefineCartJourneyAsync(cancellationToken);
        await host.SendAllAsync(BenchTraffic.Batches(WarmUpEvents, 1_000, i => BenchTraffic.Cart("w", i)), 1, cancellationToken);
        await host.CheckpointAsync(cancellationToken);
        var (heapBefore, workingSetBefore) = Memory();
        var bytesBefore = host.StorageBytes();

        var sent = 0;
        var stopwatch = Stopwatch.StartNew();
        await host.SendAllAsync(
            BenchTraffic.Batches(options.Waiting, 1_000, i => BenchTraffic.Cart("s", i)).Select(body =>
            {
                progress?.Report(Interlocked.Add(ref sent, 1_000));
                return body;
            }),
            options.Concurrency,
            cancellationToken);
        stopwatch.Stop();

        await host.CheckpointAsync(cancellationToken);
        var (heapAfter, workingSetAfter) = Memory();
        var bytes = (double)(host.StorageBytes() - bytesBefore) / options.Waiting;
        var entry = Enumerable.Range(0, 1_000).Average(i => Encoding.UTF8.GetByteCount(BenchTraffic.Cart("s", options.Waiting / 2 + i)));
        return new StorageResult(
            options.Waiting,
            stopwatch.Elapsed.TotalSeconds,
            bytes,
            entry,
            bytes - entry,
            (double)(heapAfter - heapBefore) / options.Waiting,
            (double)(workingSetAfter - workingSetBefore) / options.Waiting,
            workingSetAfter);
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}
