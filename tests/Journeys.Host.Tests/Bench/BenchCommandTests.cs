using System.Text.Json;
using Journeys.Host.Bench;
using Journeys.Host.Commands;
using Spectre.Console;

namespace Journeys.Host.Tests.Bench;

/// <summary>The load tool end to end at CI sizes: every scenario runs against real hosts and accounts for every event.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task A_small_run_measures_every_scenario_and_writes_the_results()
    {
        var output = Path.Combine(Path.GetTempPath(), "journeys-bench-test-" + Guid.NewGuid().ToString("N") + ".json");
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240; // One table row per line.
        var options = new BenchOptions { Events = 300, Batch = 100, Concurrency = 2, Rate = 200, LatencySeconds = 1, Timers = 100, Waiting = 300, Output = output };
        try
        {
            Assert.Equal(0, await BenchCommand.RunAsync(console, options, CancellationToken.None));

            var results = JsonSerializer.Deserialize(await File.ReadAllTextAsync(output), BenchJsonContext.Default.BenchResults)!;
            Assert.Equal(300, results.Ingestion!.Events);
            Assert.Equal(300, results.Ingestion.Entered);
            Assert.True(results.Ingestion.EventsPerSecond > 0, $"ingestion {results.Ingestion.EventsPerSecond} events/s");
            Assert.True(results.Ingestion.RawEventsPerSecond > 0, $"raw insert {results.Ingestion.RawEventsPerSecond} rows/s");
            Assert.Equal(200, results.Latency!.Events); // One measured second at 200 events/s, after the warm-up second.
            Assert.Equal(0, results.Latency.Missing);
            Assert.True(results.Latency.P50Ms <= results.Latency.P99Ms, $"p50 {results.Latency.P50Ms} ms, p99 {results.Latency.P99Ms} ms");
            Assert.Equal(100, results.Timers!.Instances);
            Assert.Equal(300, results.Storage!.Instances);
            Assert.True(results.Storage.BytesPerInstance > results.Storage.EntryEventBytes, $"{results.Storage.BytesPerInstance} bytes per instance, entry event {results.Storage.EntryEventBytes} bytes");
            Assert.Contains("(d) … beyond its entry event", text.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
