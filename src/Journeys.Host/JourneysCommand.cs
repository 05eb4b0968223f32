using System.CommandLine;
using Journeys.Host.Commands;
using Spectre.Console;

namespace Journeys.Host;

/// <summary>The <c>journeys</c> command line (SPEC §7).</summary>
public static class JourneysCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Journeys: event-driven customer-journey orchestration, embedded host.");

        var shoppers = new Option<int>("--shoppers") { Description = "Synthetic shoppers.", DefaultValueFactory = _ => 10_000 };
        var demoScale = new Option<double>("--time-scale") { Description = "Journey seconds per real second.", DefaultValueFactory = _ => DemoCommand.DefaultTimeScale };
        var demo = new Command("demo", "Run the main job end to end on a fresh local database, with mock services.") { shoppers, demoScale };
        demo.SetAction(async (parse, cancellationToken) => await DemoCommand.RunAsync(
            AnsiConsole.Console, Math.Clamp(parse.GetValue(shoppers), 1, 1_000_000), Math.Max(1, parse.GetValue(demoScale)), null, cancellationToken));
        root.Subcommands.Add(demo);

        var db = new Option<string>("--db") { Description = "SQLite database file.", DefaultValueFactory = _ => "journeys.db" };
        var urls = new Option<string>("--urls") { Description = "URL to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var timeScale = new Option<double>("--time-scale") { Description = "Run journey waits and timeouts N times faster (N >= 1).", DefaultValueFactory = _ => 1 };
        timeScale.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value >= 1) || double.IsInfinity(value))
            {
                result.AddError("--time-scale must be a finite number of at least 1.");
            }
        });
        var serve = new Command("serve", "Serve the HTTP API and run journeys on a local SQLite database.") { db, urls, timeScale };
        serve.SetAction(async (parse, cancellationToken) => await ServeCommand.RunAsync(
            parse.GetValue(db)!, parse.GetValue(urls)!, parse.GetValue(timeScale), Console.Out, cancellationToken));
        root.Subcommands.Add(serve);

        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Configuration files or folders (samples layout)." };
        var validate = new Command("validate", "Validate event, data source, action and journey JSON files offline.") { files };
        validate.SetAction(parse => ValidateCommand.Run(parse.GetValue(files) ?? [], Console.Out));
        root.Subcommands.Add(validate);

        var tests = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Test files (*.test.json) or folders holding them." };
        var test = new Command("test", "Run journey test files (*.test.json) offline in virtual time (SPEC §8).") { tests };
        test.SetAction(async (parse, cancellationToken) => await TestCommand.RunAsync(parse.GetValue(tests) ?? [], Console.Out, cancellationToken));
        root.Subcommands.Add(test);

        var file = new Argument<string>("file") { Description = "NDJSON file (one event per line) or a JSON array of events." };
        var url = new Option<string>("--url") { Description = "Base URL of a running host.", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var key = new Option<string?>("--key") { Description = "Ingest or admin key (default: $Journeys__IngestKey)." };
        var batch = new Option<int>("--batch") { Description = "Events per request.", DefaultValueFactory = _ => 500 };
        var send = new Command("send", "Send events to a running host's /api/ingest.") { file, url, key, batch };
        send.SetAction(async (parse, cancellationToken) => await SendCommand.RunAsync(
            parse.GetValue(file)!,
            new Uri(parse.GetValue(url)!.TrimEnd('/') + "/"),
            parse.GetValue(key) ?? Environment.GetEnvironmentVariable("Journeys__IngestKey"),
            Math.Clamp(parse.GetValue(batch), 1, 10_000),
            AnsiConsole.Console,
            cancellationToken));
        root.Subcommands.Add(send);

        var benchEvents = new Option<int>("--events") { Description = "(a) Events ingested over HTTP; 0 skips.", DefaultValueFactory = _ => 100_000 };
        var benchBatch = new Option<int>("--batch") { Description = "(a) Events per ingest request.", DefaultValueFactory = _ => 500 };
        var benchConcurrency = new Option<int>("--concurrency") { Description = "(a, c, d) Ingest requests in flight.", DefaultValueFactory = _ => 4 };
        var benchRate = new Option<int>("--rate") { Description = "(b) Offered events/s; 0 skips.", DefaultValueFactory = _ => 2_000 };
        var benchSeconds = new Option<int>("--latency-seconds") { Description = "(b) Seconds measured at the offered rate.", DefaultValueFactory = _ => 10 };
        var benchTimers = new Option<int>("--timers") { Description = "(c) Instances whose waits fall due at once; 0 skips.", DefaultValueFactory = _ => 100_000 };
        var benchWaiting = new Option<int>("--waiting") { Description = "(d) Waiting instances for storage and memory; 0 skips.", DefaultValueFactory = _ => 1_000_000 };
        var benchOutput = new Option<string>("--out") { Description = "JSON results file.", DefaultValueFactory = _ => "bench-results.json" };
        var bench = new Command("bench", "Measure ingestion, latency, timers and storage on real hosts on loopback (docs/performance.md).")
        {
            benchEvents, benchBatch, benchConcurrency, benchRate, benchSeconds, benchTimers, benchWaiting, benchOutput,
        };
        bench.SetAction(async (parse, cancellationToken) => await BenchCommand.RunAsync(
            AnsiConsole.Console,
            new Bench.BenchOptions
            {
                Events = Math.Max(0, parse.GetValue(benchEvents)),
                Batch = Math.Clamp(parse.GetValue(benchBatch), 1, 10_000),
                Concurrency = Math.Clamp(parse.GetValue(benchConcurrency), 1, 64),
                Rate = Math.Max(0, parse.GetValue(benchRate)),
                LatencySeconds = Math.Max(0, parse.GetValue(benchSeconds)),
                Timers = Math.Max(0, parse.GetValue(benchTimers)),
                Waiting = Math.Max(0, parse.GetValue(benchWaiting)),
                Output = parse.GetValue(benchOutput)!,
            },
            cancellationToken));
        root.Subcommands.Add(bench);

        return await root.Parse(args).InvokeAsync();
    }
}
