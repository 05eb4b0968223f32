using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Journeys.Host.Demo;
using Journeys.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Journeys.Reliability.Tests.Load;

/// <summary>
/// Load: a steady offered rate of cart events into a real host (abandoned-cart: a one-hour wait at ×3600 = 1 s, a
/// loyalty fetch, an email) for a bounded time. Instances enter and leave at the same rate, so memory (GC heap after
/// a full collection, working set) and ingest latency must be flat: the last window is compared with the first.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int EventsPerBatch = 20;
    private const int Customers = 2_000;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50); // 20 batches/s × 20 = 400 events/s offered.

    [Fact]
    public Task Steady_load_for_24_seconds_keeps_memory_and_latency_flat() =>
        RunAsync(total: TimeSpan.FromSeconds(24), warmUp: TimeSpan.FromSeconds(4), window: TimeSpan.FromSeconds(6));

    [LongFact]
    [Trait("Category", "Long")]
    public Task Steady_load_for_the_configured_minutes_keeps_memory_and_latency_flat() =>
        RunAsync(total: TimeSpan.FromMinutes(ReliabilitySettings.Minutes!.Value), warmUp: TimeSpan.FromSeconds(10), window: TimeSpan.FromSeconds(60));

    private async Task RunAsync(TimeSpan total, TimeSpan warmUp, TimeSpan window)
    {
        await using var mocks = await MockServices.StartAsync(CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(timeScale: 3600);
        var api = host.Api;
        await SampleConfiguration.DefineAndPublishAsync(api, mocks.BaseUri, mocks.BaseUri);

        var latencies = new ConcurrentQueue<(double At, double Ms)>();
        var failures = new ConcurrentQueue<string>();
        var sends = new List<Task>();
        var windows = new List<LoadWindow>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var firstWindowEnd = warmUp + window;
        var lastWindowStart = total - window;
        using (var timer = new PeriodicTimer(Tick))
        {
            while (clock.Elapsed < total)
            {
                await timer.WaitForNextTickAsync();
                var batch = Enumerable.Range(sent, EventsPerBatch).Select(Cart).ToArray();
                sent += EventsPerBatch;

                // Open loop: the next batch goes out on time whether or not the previous one was answered.
                sends.Add(SendAsync(api, batch, clock, latencies, failures));
                if (windows.Count == 0 && clock.Elapsed >= firstWindowEnd)
                {
                    windows.Add(Measure("first window", latencies, warmUp, firstWindowEnd));
                }
            }
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60));
        windows.Add(Measure("last window", latencies, lastWindowStart, total));
        var elapsed = clock.Elapsed;
        var report = await Bounded.UntilAsync(() => api.ReportAsync("abandoned-cart"), r => r.Versions[0].Active == 0, TimeSpan.FromSeconds(60), "every instance finishing after the load");
        var version = report.Versions[0];
        var (first, last) = (windows[0], windows[^1]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"offered {sent} events in {elapsed.TotalSeconds:0.0} s ({sent / elapsed.TotalSeconds:0} events/s); {version.Entered} entered, {version.Completed} completed; {mocks.Emails} emails"));
        output.WriteLine(first.ToString());
        output.WriteLine(last.ToString());

        Assert.Empty(failures);
        Assert.Equal((sent, sent, 0L), (version.Entered, version.Completed, version.Errored));
        Assert.Equal(sent, mocks.DistinctEmails); // One instance per event, so one idempotency key per email.

        // The offered rate held (an open loop can only fall behind if the test machine itself stalls).
        Assert.True(sent >= 0.9 * elapsed.TotalSeconds * EventsPerBatch / Tick.TotalSeconds, $"only {sent} events offered in {elapsed.TotalSeconds:0.0} s");

        // Flat: generous bounds for a shared 2-core machine, still far below what a leak or a slowdown that grows
        // with the number of finished instances would show (the long variant makes the difference larger).
        Assert.True(last.HeapBytes <= (first.HeapBytes * 1.5) + (32 << 20), $"GC heap grew: {first} → {last}");
        Assert.True(last.WorkingSetBytes <= (first.WorkingSetBytes * 1.5) + (96 << 20), $"working set grew: {first} → {last}");
        Assert.True(last.Percentile(95) <= Math.Max(3 * first.Percentile(95), first.Percentile(95) + 100), $"latency grew: {first} → {last}");
    }

    private static async Task SendAsync(JourneysApiClient api, string[] batch, Stopwatch clock, ConcurrentQueue<(double, double)> latencies, ConcurrentQueue<string> failures)
    {
        var start = clock.Elapsed;
        try
        {
            var response = await api.IngestAsync(batch);
            var entered = response.Results.Count(r => r.Entered.Count == 1);
            if (entered != batch.Length)
            {
                failures.Enqueue($"{batch.Length - entered} of {batch.Length} events did not enter");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            failures.Enqueue(ex.Message);
        }

        latencies.Enqueue((start.TotalSeconds, (clock.Elapsed - start).TotalMilliseconds));
    }

    /// <summary>Latencies of requests started in [from, to), then memory after a full, compacting collection.</summary>
    private static LoadWindow Measure(string name, ConcurrentQueue<(double At, double Ms)> latencies, TimeSpan from, TimeSpan to)
    {
        var inWindow = latencies.Where(l => l.At >= from.TotalSeconds && l.At < to.TotalSeconds).Select(l => l.Ms).ToArray();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new LoadWindow(name, inWindow, GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    /// <summary>
    /// Unique events from a pool of <see cref="Customers"/> returning customers (re-entry after 300 journey seconds =
    /// 83 ms here). A fixed pool keeps the loyalty cache (one entry per profile for 300 s, swept only when it reaches
    /// 100,000 entries) the same size in both windows, so what the comparison sees is the engine, not that cache.
    /// </summary>
    private static string Cart(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{ "id": "load-{{i}}", "type": "cart.abandoned", "customer": { "id": "l{{i % Customers}}", "email": "l{{i % Customers}}@example.com" }, "cart": { "id": "k{{i}}", "total": {{20 + (i % 200)}} }, "occurredAt": "2026-11-23T10:00:00Z" }""");
}
