using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Journeys.Runtime.Ingestion;
using Spectre.Console;

namespace Journeys.Host.Commands;

/// <summary>
/// <c>journeys send FILE</c>: posts an NDJSON file (one event per line) or a JSON array of events to a running host's
/// <c>/api/ingest</c> in batches, with a progress bar, then prints what happened to them.
/// </summary>
public static class SendCommand
{
    public static async Task<int> RunAsync(string file, Uri baseUrl, string? key, int batchSize, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new CommandFailedException($"{file}: no such file.");
        }

        IReadOnlyList<string> events;
        try
        {
            events = ReadEvents(await File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (JsonException ex)
        {
            throw new CommandFailedException($"{file}: not NDJSON nor a JSON array: {ex.Message}", ex);
        }

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        if (!string.IsNullOrEmpty(key))
        {
            http.DefaultRequestHeaders.Add("x-api-key", key);
        }

        var summary = new SendSummary();
        var stopwatch = Stopwatch.StartNew();
        var failed = false;
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"sending {events.Count} events", maxValue: events.Count);
            for (var offset = 0; offset < events.Count && !failed; offset += batchSize)
            {
                var batch = events.Skip(offset).Take(batchSize).ToArray();
                using var content = new StringContent("[" + string.Join(',', batch) + "]", Encoding.UTF8, "application/json");
                HttpResponseMessage? sent;
                try
                {
                    sent = await http.PostAsync(new Uri("api/ingest", UriKind.Relative), content, cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    summary.Failure = $"cannot reach {baseUrl}: {ex.Message}";
                    failed = true;
                    break;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    summary.Failure = $"{baseUrl} did not answer within {http.Timeout.TotalSeconds:0} s.";
                    failed = true;
                    break;
                }

                using var response = sent;
                if (!response.IsSuccessStatusCode)
                {
                    summary.Failure = $"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    failed = true;
                    break;
                }

                var body = await response.Content.ReadFromJsonAsync(IngestionJsonContext.Default.IngestResponse, cancellationToken);
                summary.Add(body?.Results ?? []);
                task.Increment(batch.Length);
            }
        });

        if (summary.Failure is not null && summary.Sent == 0)
        {
            // Nothing was taken: the failure is the whole story.
            throw new CommandFailedException("send stopped: " + summary.Failure);
        }

        var table = new Table().AddColumn("events").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("sent", summary.Sent.ToString());
        table.AddRow("matched a definition", summary.Matched.ToString());
        table.AddRow("entered a journey", summary.Entered.ToString());
        table.AddRow("resumed an instance", summary.Resumed.ToString());
        foreach (var (reason, count) in summary.Discards.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            table.AddRow($"discarded: {reason}", count.ToString());
        }

        table.AddRow("errors", summary.Errors.ToString());
        console.Write(table);
        console.MarkupLineInterpolated($"{summary.Sent} events in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        if (summary.Failure is not null)
        {
            console.MarkupLineInterpolated($"[red]stopped: {summary.Failure}[/]");
            return 1;
        }

        return 0;
    }

    /// <summary>A JSON array, or one JSON value per non-empty line.</summary>
    public static IReadOnlyList<string> ReadEvents(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('['))
        {
            using var document = JsonDocument.Parse(trimmed);
            return document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToArray();
        }

        var events = new List<string>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Trim().Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(lines[index]);
                events.Add(document.RootElement.GetRawText());
            }
            catch (JsonException ex)
            {
                // Each line is parsed alone, so the parser's own position is always line 0: name the file's line.
                throw new JsonException($"line {index + 1}: not a JSON value (byte {ex.BytePositionInLine + 1} of the line).", ex);
            }
        }

        return events;
    }

    private sealed class SendSummary
    {
        public int Sent { get; private set; }

        public int Matched { get; private set; }

        public int Entered { get; private set; }

        public int Resumed { get; private set; }

        public int Errors { get; private set; }

        public Dictionary<string, int> Discards { get; } = new(StringComparer.Ordinal);

        public string? Failure { get; set; }

        public void Add(IReadOnlyList<IngestResult> results)
        {
            foreach (var result in results)
            {
                Sent++;
                Matched += result.Matched.Count > 0 ? 1 : 0;
                Entered += result.Entered.Count;
                Resumed += result.Resumed.Count;
                Errors += result.Error is null ? 0 : 1;
                foreach (var discard in result.Discarded)
                {
                    var reason = JsonNamingPolicy.CamelCase.ConvertName(discard.Reason.ToString());
                    Discards[reason] = Discards.GetValueOrDefault(reason) + 1;
                }
            }
        }
    }
}
