using System.Runtime.InteropServices;
using System.Text.Json;
using Journeys.Host.Bench;
using Spectre.Console;

namespace Journeys.Host.Commands;

/// <summary>
/// <c>journeys bench</c>: the load tool of docs/performance.md. Starts real embedded hosts on loopback (temp
/// databases, a mock action endpoint) and reports side by side, in one run: (a) HTTP ingestion against a raw SQLite
/// insert of the same rows, (b) event → first action latency at a fixed rate, (c) the firing rate of timers all due
/// at once, (d) storage and memory per waiting instance. Prints a table against the goals and writes JSON.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(IAnsiConsole console, BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        var results = new BenchResults
        {
            Machine = Machine(),
            ProcessorCount = Environment.ProcessorCount,
            Runtime = RuntimeInformation.FrameworkDescription,
            StartedAt = DateTimeOffset.UtcNow,
            Options = options,
        };
        var folder = Path.Combine(Path.GetTempPath(), "journeys-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        console.MarkupLineInterpolated($"[bold]journeys bench[/] on {results.Machine} ({results.ProcessorCount} cores, {results.Runtime}); temp folder [grey]{folder}[/]");
        try
        {
            if (options.Events > 0)
            {
                console.MarkupLineInterpolated($"(a) ingesting {options.Events:N0} events over HTTP ({options.Batch} per request, {options.Concurrency} in flight), then the raw insert…");
                results.Ingestion = await IngestionScenario.RunAsync(folder, options, cancellationToken);
            }

            if (options.Rate > 0 && options.LatencySeconds > 0)
            {
                console.MarkupLineInterpolated($"(b) offering {options.Rate:N0} events/s for {options.LatencySeconds} s (+1 s warm-up) to a journey whose first node is an action…");
                results.Latency = await LatencyScenario.RunAsync(folder, options, cancellationToken);
            }

            if (options.Timers > 0)
            {
                console.MarkupLineInterpolated($"(c) parking {options.Timers:N0} instances in a wait, then restarting with every wait due…");
                results.Timers = await TimerScenario.RunAsync(folder, options, cancellationToken);
            }

            if (options.Waiting > 0)
            {
                console.MarkupLineInterpolated($"(d) parking {options.Waiting:N0} waiting instances…");
                var progress = new Progress<int>(sent =>
                {
                    if (sent % 100_000 == 0)
                    {
                        console.MarkupLineInterpolated($"    {sent:N0} sent");
                    }
                });
                results.Storage = await StorageScenario.RunAsync(folder, options, progress, cancellationToken);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(folder);
        }

        console.Write(Table(results));
        await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(results, BenchJsonContext.Default.BenchResults), cancellationToken);
        console.MarkupLineInterpolated($"Results written to [bold]{Path.GetFullPath(options.Output)}[/]");
        return 0;
    }

    public static Table Table(BenchResults results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("measure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("goal").AddColumn("");
        if (results.Ingestion is { } ingestion)
        {
            Row(table, $"(a) HTTP ingestion, entered durably ({ingestion.Entered:N0} of {ingestion.Events:N0})", $"{ingestion.EventsPerSecond:N0} events/s", "≥ 20,000 events/s", ingestion.EventsPerSecond >= 20_000);
            Row(table, "(a) raw batched SQLite insert, same rows", $"{ingestion.RawEventsPerSecond:N0} rows/s", string.Empty, null);
            Row(table, "(a) ratio engine / raw", $"{ingestion.Ratio:P1}", "≥ 30%", ingestion.Ratio >= 0.30);
        }

        if (results.Latency is { } latency)
        {
            var missing = latency.Missing > 0 ? $", {latency.Missing:N0} missing" : string.Empty;
            Row(table, $"(b) event → first action call at {latency.OfferedRate:N0}/s offered ({latency.AchievedRate:N0}/s sent{missing}): p50 / p95", $"{latency.P50Ms:N1} / {latency.P95Ms:N1} ms", string.Empty, null);
            Row(table, "(b) … p99 (max)", $"{latency.P99Ms:N1} ms ({latency.MaxMs:N0})", "< 50 ms", latency.P99Ms < 50 && latency.Missing == 0);
        }

        if (results.Timers is { } timers)
        {
            Row(table, $"(c) timers fired, {timers.Instances:N0} due at once ({timers.Seconds:N1} s)", $"{timers.FiredPerSecond:N0} timers/s", string.Empty, null);
        }

        if (results.Storage is { } storage)
        {
            Row(table, $"(d) storage per waiting instance ({storage.Instances:N0} parked in {storage.IngestSeconds:N0} s)", Bytes(storage.BytesPerInstance, "N0"), string.Empty, null);
            Row(table, $"(d) … beyond its entry event ({storage.EntryEventBytes:N0} B)", Bytes(storage.BytesBeyondEntry, "N0"), "≤ 1,024 B", storage.BytesBeyondEntry is >= 0 and <= 1024 ? true : storage.BytesBeyondEntry > 1024 ? false : null);
            Row(table, "(d) managed heap / working set per waiting instance", $"{Bytes(storage.ManagedBytesPerInstance, "N1")} / {Bytes(storage.WorkingSetBytesPerInstance, "N1")}", string.Empty, null);
            Row(table, "(d) working set at the end", $"{storage.WorkingSetBytes / (1024.0 * 1024):N0} MiB", string.Empty, null);
        }

        return table;
    }

    /// <summary>
    /// A size per instance. A growth below zero (the heap collected, the OS trimmed the working set, or the file
    /// reused free pages) says the run was too small to measure it, not that an instance takes negative bytes.
    /// </summary>
    private static string Bytes(double value, string format) =>
        value < 0 ? "not measurable (shrank; run more instances)" : value.ToString(format, System.Globalization.CultureInfo.CurrentCulture) + " B";

    private static void Row(Table table, string measure, string value, string goal, bool? met) =>
        table.AddRow(Markup.Escape(measure), Markup.Escape(value), Markup.Escape(goal), met switch { true => "[green]met[/]", false => "[red]missed[/]", null => string.Empty });

    private static string Machine()
    {
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                return model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
            // Not Linux: fall through to the architecture.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }

        return RuntimeInformation.OSDescription + " " + RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is the OS's to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

}
