using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Journeys.Reliability.Tests.Support;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;
using Xunit.Abstractions;

namespace Journeys.Reliability.Tests.Crash;

/// <summary>
/// Crash: a real <c>journeys serve</c> process with thousands of instances in waits, waitForEvent and in-flight
/// action calls is SIGKILLed at seeded random moments and restarted on the same database. Afterwards every
/// instance finished exactly once, no timer was lost, and every repeated call carried the same Idempotency-Key.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const string AdminKey = "crash-admin-key";
    private const string IngestKey = "crash-ingest-key";

    /// <summary>At this scale one journey hour is 125 ms and one day 3 s: welcome-series waits 6 s, payment-failed 6 s.</summary>
    private const double TimeScale = 28_800;

    private static readonly string[] Journeys = ["abandoned-cart", "payment-failed", "welcome-series"];

    [Fact]
    public Task Sigkilled_host_restarted_on_the_same_database_finishes_every_instance_once_with_stable_idempotency_keys() =>
        RunAsync(new CrashRun(Shoppers: 1500, Kills: 4, ExpectedCarts: 1500, ExpectedRegistrations: 300, ExpectedPayments: 150, Seed: ReliabilitySettings.Seed(20261123)));

    [LongFact]
    [Trait("Category", "Long")]
    public Task Long_run_many_kills_and_ten_thousand_shoppers() =>
        RunAsync(new CrashRun(Shoppers: 10_000, Kills: Math.Max(6, (int)(ReliabilitySettings.Minutes!.Value * 4)), ExpectedCarts: 10_000, ExpectedRegistrations: 2_000, ExpectedPayments: 1_000, Seed: ReliabilitySettings.Seed(7)));

    private async Task RunAsync(CrashRun run)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(run.Seed);
        var folder = Path.Combine(Path.GetTempPath(), "journeys-crash-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "journeys.db");
        var slow = 1;
        await using var loyalty = LoopbackServer.Start((request, _) => LoyaltyReply(request));
        await using var mock = LoopbackServer.Start((request, n) => ActionReply(request, n, Volatile.Read(ref slow) == 1));
        var environment = new Dictionary<string, string?>(SampleConfiguration.Secrets.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value))
        {
            ["Journeys__AdminKey"] = AdminKey,
            ["Journeys__IngestKey"] = IngestKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var session = new Session();
        var outputs = new List<string>();
        try
        {
            await session.StartAsync(database, environment);
            await SampleConfiguration.DefineAndPublishAsync(session.Api, loyalty.BaseUri, mock.BaseUri);
            var events = CrashTraffic.Generate(run.Shoppers, run.Seed, DateTimeOffset.UtcNow);
            var sending = Task.Run(() => SendAllAsync(session, events));

            for (var kill = 1; kill <= run.Kills; kill++)
            {
                var seenBefore = mock.RequestCount;
                if (kill == 1)
                {
                    // The first kill lands while the slow mock is holding calls, so in-flight calls are certainly cut.
                    await Bounded.UntilAsync(() => Task.FromResult(mock.RequestCount), n => n >= 30, TimeSpan.FromSeconds(60), "30 action calls at the mock");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));
                var waiting = await WaitingAsync(session.Api);
                session.Host.Kill();
                outputs.Add(session.Host.Output);
                output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0}s kill {kill} (pid {session.Host.Id}): {waiting} instances waiting, {mock.RequestCount - seenBefore} calls since the previous start");
                await session.StartAsync(database, environment);
            }

            Volatile.Write(ref slow, 0);
            await sending.WaitAsync(TimeSpan.FromSeconds(180));
            var reports = await Bounded.UntilAsync(
                () => ReportsAsync(session.Api),
                all => all.Sum(r => r.Versions.Sum(v => v.Active)) == 0,
                TimeSpan.FromSeconds(120),
                "every instance finishing",
                TimeSpan.FromMilliseconds(250));
            output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0}s all instances finished; {mock.RequestCount} action calls, {loyalty.RequestCount} loyalty lookups");
            outputs.Add(session.Host.Output);

            AssertEveryInstanceFinishedOnce(run, reports);
            await AssertHistoriesAsync(session.Api, run, random);
            AssertIdempotencyKeys(mock.Requests, reports);
            Assert.All(outputs, text =>
            {
                Assert.DoesNotContain("iteration failed", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Unhandled error", text, StringComparison.Ordinal);
            });
        }
        finally
        {
            session.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TryDelete(folder);
        }
    }

    private static void AssertEveryInstanceFinishedOnce(CrashRun run, IReadOnlyList<JourneyReport> reports)
    {
        var expected = new Dictionary<string, long>
        {
            ["abandoned-cart"] = run.ExpectedCarts,
            ["payment-failed"] = run.ExpectedPayments,
            ["welcome-series"] = run.ExpectedRegistrations,
        };
        foreach (var report in reports)
        {
            var version = Assert.Single(report.Versions);
            var entered = expected[report.Journey];
            Assert.True(
                (version.Entered, version.Active, version.Completed, version.Errored, version.Stopped, version.TimedOut) == (entered, 0, entered, 0, 0, 0),
                $"{report.Journey}: entered {version.Entered}, active {version.Active}, completed {version.Completed}, errored {version.Errored}, stopped {version.Stopped}, timedOut {version.TimedOut}; expected {entered} entered and completed");
            Assert.Equal(entered, version.Nodes["done"].Entered);
            foreach (var (node, counts) in version.Nodes)
            {
                // No timer lost: nothing parked anywhere, and whatever entered a node left it.
                Assert.True(counts.Waiting == 0 && counts.Entered == counts.Exited && counts.Errors == 0, $"{report.Journey}/{node}: entered {counts.Entered}, exited {counts.Exited}, waiting {counts.Waiting}, errors {counts.Errors}");
            }
        }

        var cart = reports.Single(r => r.Journey == "abandoned-cart").Versions[0].Nodes["await-order"];
        Assert.Equal(run.ExpectedCarts, cart.Branches.GetValueOrDefault("next") + cart.Branches.GetValueOrDefault("timeout"));
        var welcome = reports.Single(r => r.Journey == "welcome-series").Versions[0].Nodes;
        Assert.Equal(run.ExpectedRegistrations, welcome["day-1"].Exited);
        Assert.Equal(run.ExpectedRegistrations, welcome["day-2"].Exited);
    }

    /// <summary>Per instance: one start, one end, step numbers 1..n without a gap or a repeat, and no earlier instance.</summary>
    private static async Task AssertHistoriesAsync(JourneysApiClient api, CrashRun run, Random random)
    {
        for (var sample = 0; sample < 20; sample++)
        {
            var i = random.Next(0, run.Shoppers);
            var journeys = new List<string> { "abandoned-cart" };
            if (i % 5 == 0)
            {
                journeys.Add("welcome-series");
            }

            if (i % 10 == 0)
            {
                journeys.Add("payment-failed");
            }

            foreach (var journey in journeys)
            {
                var view = await api.InstanceAsync(journey, CrashTraffic.Profile(i));
                var steps = view["steps"]!.AsArray();
                var what = $"{journey}/{CrashTraffic.Profile(i)}";
                Assert.Equal("completed", (string?)view["status"]);
                Assert.Empty(view["previous"]?.AsArray() ?? []);
                Assert.Single(steps, s => (string?)s!["kind"] == "started");
                Assert.Single(steps, s => (string?)s!["kind"] == "ended");
                Assert.True(
                    steps.Select(s => (long)s!["sequence"]!).SequenceEqual(Enumerable.Range(1, steps.Count).Select(n => (long)n)),
                    $"{what}: step sequence numbers are not 1..{steps.Count}");
            }
        }
    }

    /// <summary>
    /// Each (endpoint, recipient, template) is one action node of one instance (every profile enters each journey
    /// once and reaches either the vip or the standard email, never both): it must have seen exactly one key.
    /// </summary>
    private void AssertIdempotencyKeys(IReadOnlyList<RecordedRequest> calls, IReadOnlyList<JourneyReport> reports)
    {
        var byCall = calls.GroupBy(CallIdentity, StringComparer.Ordinal).ToList();
        var mixed = byCall.Where(g => g.Select(r => r.Header("Idempotency-Key")).Distinct(StringComparer.Ordinal).Count() != 1).Select(g => g.Key).ToList();
        Assert.True(mixed.Count == 0, "calls with more than one Idempotency-Key: " + string.Join(", ", mixed.Take(10)));
        var keys = calls.Select(r => r.Header("Idempotency-Key")!).Distinct(StringComparer.Ordinal).Count();
        var repeated = byCall.Count(g => g.Count() > 1);
        var applied = reports.Sum(r => r.Versions.Sum(v => v.Nodes.Values.Sum(n => n.Actions?.Calls ?? 0)));
        output.WriteLine($"{calls.Count} calls, {keys} distinct keys, {repeated} calls repeated after a kill, {applied} action results applied");

        // Each key's result was applied once, however often the call was made.
        Assert.Equal(keys, applied);
        Assert.Equal(byCall.Count, keys);

        // The scenario really cut calls in flight (the first kill waits for the slow mock to hold some).
        Assert.True(repeated > 0, "no call was repeated: the kills never interrupted a call in flight");
    }

    private static string CallIdentity(RecordedRequest request)
    {
        var body = request.Body.Length == 0 ? null : JsonNode.Parse(request.Body);
        return $"{request.PathAndQuery}|{(string?)body?["to"]}|{(string?)body?["template"]}";
    }

    private static async Task SendAllAsync(Session session, IReadOnlyList<string> events)
    {
        const int batchSize = 100;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        for (var offset = 0; offset < events.Count; offset += batchSize)
        {
            var batch = events.Skip(offset).Take(batchSize).ToArray();
            while (true)
            {
                limit.Token.ThrowIfCancellationRequested();
                try
                {
                    // A producer that lost its answer sends the batch again: event keys make that harmless.
                    await session.Api.IngestAsync(batch);
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or ObjectDisposedException)
                {
                    await Task.Delay(50, limit.Token);
                }
            }

            await Task.Delay(120, limit.Token);
        }
    }

    private static async Task<long> WaitingAsync(JourneysApiClient api)
    {
        try
        {
            return (await ReportsAsync(api)).Sum(r => r.Versions.Sum(v => v.Nodes.Values.Sum(n => n.Waiting)));
        }
        catch (HttpRequestException)
        {
            return -1;
        }
    }

    private static async Task<IReadOnlyList<JourneyReport>> ReportsAsync(JourneysApiClient api)
    {
        var reports = new List<JourneyReport>();
        foreach (var journey in Journeys)
        {
            reports.Add(await api.ReportAsync(journey));
        }

        return reports;
    }

    private static ScriptedReply LoyaltyReply(RecordedRequest request)
    {
        var id = request.PathAndQuery.Split('/').Last();
        var digit = id.Length > 0 && char.IsAsciiDigit(id[^1]) ? id[^1] - '0' : 0;
        return ScriptedReply.Json($$"""{ "tier": "{{(digit % 2 == 0 ? "gold" : "silver")}}", "points": {{digit * 30}} }""");
    }

    private static ScriptedReply ActionReply(RecordedRequest request, int number, bool slow)
    {
        var reply = request.PathAndQuery.StartsWith("/payments/", StringComparison.Ordinal)
            ? ScriptedReply.Json($$"""{ "outcome": "{{(request.PathAndQuery.Length % 2 == 0 ? "approved" : "declined")}}" }""")
            : ScriptedReply.Json(string.Create(CultureInfo.InvariantCulture, $$"""{ "messageId": "m-{{number}}" }"""));

        // Slow for a while: many calls are in flight when the host is killed.
        return slow ? reply with { Delay = TimeSpan.FromMilliseconds(150 + (number * 7919 % 1200)) } : reply;
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

    private sealed record CrashRun(int Shoppers, int Kills, long ExpectedCarts, long ExpectedRegistrations, long ExpectedPayments, int Seed);

    /// <summary>The current host process and its client; replaced on every restart while the sender keeps going.</summary>
    private sealed class Session : IDisposable
    {
        private readonly List<IDisposable> retired = [];
        private volatile ServeProcess? host;
        private volatile JourneysApiClient? api;

        public ServeProcess Host => host ?? throw new InvalidOperationException("not started");

        public JourneysApiClient Api => api ?? throw new InvalidOperationException("not started");

        public async Task StartAsync(string database, IReadOnlyDictionary<string, string?> environment)
        {
            var started = await ServeProcess.StartAsync(database, TimeScale, environment);
            if (host is not null)
            {
                retired.Add(host);
            }

            if (api is not null)
            {
                // Not disposed yet: the sender may still hold it for a request that is failing now.
                retired.Add(api);
            }

            host = started;
            api = new JourneysApiClient(started.BaseUri, AdminKey, IngestKey);
        }

        public void Dispose()
        {
            api?.Dispose();
            host?.Dispose();
            retired.ForEach(r => r.Dispose());
        }
    }
}
