using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Journeys.Api.Security;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Host.Demo;
using Journeys.Host.Serving;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Spectre.Console;

namespace Journeys.Host.Commands;

/// <summary>
/// <c>journeys demo</c>: the main job end to end on the embedded default. A fresh database in a temp folder, mock
/// loyalty/mailer/billing services on loopback, the sample configuration defined and published through the HTTP
/// API, thousands of synthetic shoppers' events sent under accelerated time, then the per-node report.
/// </summary>
public static class DemoCommand
{
    /// <summary>One journey day passes in one real second: the welcome series' two daily waits take two seconds.</summary>
    public const double DefaultTimeScale = 86_400;

    public static Task<int> RunAsync(IAnsiConsole console, int shoppers, double timeScale, string? samplesFolder, CancellationToken cancellationToken) =>
        RunAsync(console, shoppers, timeScale, samplesFolder, serveUrls: null, cancellationToken);

    /// <summary>
    /// The demo; with <paramref name="serveUrls"/> (<c>journeys demo --serve</c>) the host and the mock services keep
    /// running after the report, on that address, until Ctrl+C, and the console's URL and the admin key are printed.
    /// </summary>
    public static async Task<int> RunAsync(IAnsiConsole console, int shoppers, double timeScale, string? samplesFolder, string? serveUrls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var stopwatch = Stopwatch.StartNew();
        var folder = Path.Combine(Path.GetTempPath(), "journeys-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var samples = ConfigurationBundle.LoadFolder(samplesFolder ?? Path.Combine(AppContext.BaseDirectory, "samples"));
        console.MarkupLineInterpolated($"[bold]Journeys demo[/]: {shoppers:N0} shoppers, time x{timeScale:N0}, database [grey]{Path.Combine(folder, "journeys.db")}[/]");

        await using var mocks = await MockServices.StartAsync(cancellationToken);
        var adminKey = ApiKeys.Generate();
        var ingestKey = ApiKeys.Generate();
        var options = new EmbeddedHostOptions
        {
            DatabasePath = Path.Combine(folder, "journeys.db"),
            Urls = serveUrls ?? "http://127.0.0.1:0",
            TimeScale = timeScale,
            ConsoleLogging = false,
        };
        options.Configuration[EmbeddedHost.AdminKeySetting] = adminKey;
        options.Configuration[EmbeddedHost.IngestKeySetting] = ingestKey;
        options.Configuration["Journeys:Secrets:MAILER_TOKEN"] = "demo-mailer-token";
        options.Configuration["Journeys:Secrets:LOYALTY_KEY"] = "demo-loyalty-key";
        options.Configuration["Journeys:Secrets:BILLING_USER"] = "demo";
        options.Configuration["Journeys:Secrets:BILLING_PASSWORD"] = "demo-password";
        await using var host = await EmbeddedHost.CreateAsync(options, cancellationToken);
        await host.App.StartAsync(cancellationToken);
        using var admin = Client(host.Addresses[0], adminKey);
        using var ingest = Client(host.Addresses[0], ingestKey);

        await DefineAsync(admin, samples, mocks.BaseUri, cancellationToken);
        foreach (var journey in samples.Journeys.Keys.Order(StringComparer.Ordinal))
        {
            using var published = await admin.PostAsync(new Uri($"api/journeys/{journey}/publish", UriKind.Relative), null, cancellationToken);
            await EnsureAsync(published, $"publish {journey}", cancellationToken);
        }

        console.MarkupLineInterpolated($"Defined {samples.Files.Count} resources and published {samples.Journeys.Count} journeys through the API in {stopwatch.Elapsed.TotalSeconds:0.0} s");

        var events = DemoTraffic.Generate(shoppers, DateTimeOffset.UtcNow);
        var summary = new Dictionary<string, int>(StringComparer.Ordinal);
        var sendWatch = Stopwatch.StartNew();
        await console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"sending {events.Count:N0} events", maxValue: events.Count);
                const int batchSize = 500;
                for (var offset = 0; offset < events.Count; offset += batchSize)
                {
                    var batch = events.Skip(offset).Take(batchSize).ToArray();
                    using var content = new StringContent("[" + string.Join(',', batch) + "]", Encoding.UTF8, "application/json");
                    using var response = await ingest.PostAsync(new Uri("api/ingest", UriKind.Relative), content, cancellationToken);
                    await EnsureAsync(response, "ingest", cancellationToken);
                    var body = await response.Content.ReadFromJsonAsync(IngestionJsonContext.Default.IngestResponse, cancellationToken);
                    Tally(summary, body!.Results);
                    task.Increment(batch.Length);
                }
            });
        console.MarkupLineInterpolated($"Sent {events.Count:N0} events in {sendWatch.Elapsed.TotalSeconds:0.0} s ({events.Count / Math.Max(0.001, sendWatch.Elapsed.TotalSeconds):N0} events/s): {string.Join(", ", summary.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:N0}"))}");

        var reports = await WaitForAllAsync(console, admin, samples.Journeys.Keys, cancellationToken);
        foreach (var report in reports)
        {
            Render(console, report, samples.Journeys[report.Journey]);
        }

        console.MarkupLineInterpolated($"Mock mailer received [bold]{mocks.Emails:N0}[/] emails ({mocks.DistinctEmails:N0} distinct idempotency keys); loyalty lookups {mocks.Lookups:N0}; payment retries {mocks.PaymentRetries:N0}.");
        console.MarkupLineInterpolated($"[green]Done[/] in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        if (serveUrls is not null)
        {
            await ServeUntilStoppedAsync(console, host.Addresses[0], adminKey, ingestKey, cancellationToken);
        }

        await host.App.StopAsync(CancellationToken.None);
        TryDelete(folder);
        return reports.All(r => r.Versions.All(v => v.Active == 0)) ? 0 : 1;
    }

    /// <summary><c>--serve</c>: says where the admin console is and with which key, then waits for Ctrl+C.</summary>
    private static async Task ServeUntilStoppedAsync(IAnsiConsole console, Uri address, string adminKey, string ingestKey, CancellationToken cancellationToken)
    {
        console.WriteLine();
        console.MarkupLineInterpolated($"Admin console: [bold]{address}[/]");
        console.MarkupLineInterpolated($"Admin key:     [bold]{adminKey}[/]");
        console.MarkupLineInterpolated($"Ingest key:    {ingestKey}");
        console.MarkupLine("Type the admin key into the console once: it is kept for the browser tab's");
        console.MarkupLine("session only. Send more events to api/ingest with the ingest key.");
        console.MarkupLine("Press Ctrl+C to stop the host (the demo database is deleted then).");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop as usual.
        }
    }

    private static HttpClient Client(Uri baseUri, string key)
    {
        var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }

    /// <summary>PUTs every sample, with the example.com URLs pointed at the mock services.</summary>
    private static async Task DefineAsync(HttpClient admin, ConfigurationBundle samples, Uri mocks, CancellationToken cancellationToken)
    {
        foreach (var (id, definition) in samples.Events)
        {
            await PutAsync(admin, $"api/events/{id}", ContractJson.Write(definition), cancellationToken);
        }

        foreach (var (id, source) in samples.DataSources)
        {
            source.BaseUrl = mocks.ToString().TrimEnd('/');

            // The sample's 15 requests/s suits a shared production service; the local mock takes far more.
            source.RateLimitPerSecond = 5_000;
            await PutAsync(admin, $"api/datasources/{id}", ContractJson.Write(source), cancellationToken);
        }

        foreach (var (id, action) in samples.Actions)
        {
            var url = action.Url!;
            var path = url[(url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2))..];
            action.Url = mocks.ToString().TrimEnd('/') + path;
            await PutAsync(admin, $"api/actions/{id}", ContractJson.Write(action), cancellationToken);
        }

        foreach (var (id, journey) in samples.Journeys)
        {
            await PutAsync(admin, $"api/journeys/{id}", ContractJson.Write(journey), cancellationToken);
        }
    }

    private static async Task PutAsync(HttpClient client, string path, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        await EnsureAsync(response, "PUT " + path, cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static void Tally(Dictionary<string, int> summary, IReadOnlyList<IngestResult> results)
    {
        foreach (var result in results)
        {
            Add(summary, "entered", result.Entered.Count);
            Add(summary, "resumed", result.Resumed.Count);
            foreach (var discard in result.Discarded)
            {
                Add(summary, "discarded " + ReportCounters.ReasonName(discard.Reason), 1);
            }
        }

        static void Add(Dictionary<string, int> summary, string key, int count)
        {
            if (count > 0)
            {
                summary[key] = summary.GetValueOrDefault(key) + count;
            }
        }
    }

    /// <summary>Polls the reports until no instance is active anywhere, for at most a minute.</summary>
    private static async Task<IReadOnlyList<JourneyReport>> WaitForAllAsync(IAnsiConsole console, HttpClient admin, IEnumerable<string> journeys, CancellationToken cancellationToken)
    {
        var ids = journeys.Order(StringComparer.Ordinal).ToArray();
        IReadOnlyList<JourneyReport> reports = [];
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        await console.Status().StartAsync("waiting for every instance to finish", async status =>
        {
            while (true)
            {
                var current = new List<JourneyReport>();
                foreach (var id in ids)
                {
                    current.Add((await admin.GetFromJsonAsync(new Uri($"api/journeys/{id}/report", UriKind.Relative), ReportingJsonContext.Default.JourneyReport, limit.Token))!);
                }

                reports = current;
                var active = current.Sum(r => r.Versions.Sum(v => v.Active));
                if (active == 0)
                {
                    return;
                }

                status.Status($"waiting for {active:N0} active instances to finish");
                try
                {
                    await Task.Delay(250, limit.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        });
        return reports;
    }

    /// <summary>
    /// One table per version, sized for an 80-column terminal: nodes in the order a shopper meets them, one branch
    /// per line, and the errors/waiting columns only when some node has any (the summary line above says so).
    /// </summary>
    private static void Render(IAnsiConsole console, JourneyReport report, Journey journey)
    {
        foreach (var version in report.Versions)
        {
            var discards = version.Discarded.Count == 0 ? "none" : string.Join(", ", version.Discarded.Select(d => $"{d.Key} {d.Value:N0}"));
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]{report.Journey}[/] v{version.Version} ({version.Status}): entered {version.Entered:N0}, completed {version.Completed:N0}, errored {version.Errored:N0}, timed out {version.TimedOut:N0}, active {version.Active:N0}; discarded: {discards}");
            var nodes = FlowOrder(journey, version.Nodes.Keys).Select(id => (Id: id, Counts: version.Nodes[id])).ToList();
            var showErrors = nodes.Any(n => n.Counts.Errors > 0);
            var showWaiting = nodes.Any(n => n.Counts.Waiting > 0);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("node").NoWrap())
                .AddColumn(new TableColumn("entered").RightAligned())
                .AddColumn(new TableColumn("exited").RightAligned());
            if (showErrors)
            {
                table.AddColumn(new TableColumn("errors").RightAligned());
            }

            if (showWaiting)
            {
                table.AddColumn(new TableColumn("waiting").RightAligned());
            }

            table.AddColumn("branches").AddColumn(new TableColumn("calls").RightAligned()).AddColumn(new TableColumn("avg ms").RightAligned());
            foreach (var (node, counts) in nodes)
            {
                var cells = new List<string> { Markup.Escape(node), counts.Entered.ToString("N0"), counts.Exited.ToString("N0") };
                if (showErrors)
                {
                    cells.Add(counts.Errors.ToString("N0"));
                }

                if (showWaiting)
                {
                    cells.Add(counts.Waiting.ToString("N0"));
                }

                cells.Add(Markup.Escape(string.Join('\n', counts.Branches.Select(b => $"{b.Key} {b.Value:N0}"))));
                cells.Add(counts.Actions is { } calls ? calls.Calls.ToString("N0") : string.Empty);
                cells.Add(counts.Actions is { } timed ? timed.AverageMs.ToString("0.0") : string.Empty);
                table.AddRow([.. cells]);
            }

            console.Write(table);
        }
    }

    /// <summary>
    /// The report's nodes breadth-first from the journey's start along every outgoing edge, as the journey reads, end
    /// nodes last; nodes the walk does not reach (none in a valid journey) follow in ordinal order.
    /// </summary>
    private static IEnumerable<string> FlowOrder(Journey journey, IEnumerable<string> reported)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (journey.Start is { } start && journey.Nodes is { } graph)
        {
            queue.Enqueue(start);
            seen.Add(start);
            while (queue.TryDequeue(out var id))
            {
                order.Add(id);
                if (!graph.TryGetValue(id, out var node))
                {
                    continue;
                }

                foreach (var (_, target) in node.Successors())
                {
                    if (seen.Add(target))
                    {
                        queue.Enqueue(target);
                    }
                }
            }
        }

        // End nodes close the table, where a reader expects the journey to finish.
        var isEnd = (string id) => journey.Nodes?.GetValueOrDefault(id) is EndNode;
        var present = reported.ToHashSet(StringComparer.Ordinal);
        return order.Where(id => present.Contains(id) && !isEnd(id))
            .Concat(order.Where(id => present.Contains(id) && isEnd(id)))
            .Concat(present.Where(id => !seen.Contains(id)).Order(StringComparer.Ordinal));
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }
}
