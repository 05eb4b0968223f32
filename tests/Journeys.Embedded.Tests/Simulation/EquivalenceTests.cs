using System.Globalization;
using Journeys.Core.Execution;
using Journeys.Embedded.Tests.Engine;
using Journeys.Embedded.Tests.Simulation;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Simulation;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Simulation;

namespace Journeys.Embedded.Tests.Simulation;

/// <summary>
/// For the same events, a simulation's paths, statuses, calls per node and report counters equal what the embedded
/// engine does on a real SQLite file with accelerated time and loopback services answering as the stubs do.
/// </summary>
public sealed class EquivalenceTests
{
    private const double TimeScale = 100_000;

    private static readonly string Silver = """{ "tier": "silver", "points": 20 }""";
    private static readonly string Gold = """{ "tier": "gold", "points": 500 }""";

    [Fact]
    public async Task Abandoned_carts_orders_duplicates_and_refusals_end_the_same()
    {
        string[] events =
        [
            EngineHarness.CartAbandoned("e1", "c1", "k1", 80),
            EngineHarness.CartAbandoned("e2", "c2", "k2", 100),
            EngineHarness.CartAbandoned("e3", "c3", "k3", 30),
            EngineHarness.OrderPlaced("o3", "c3", "k3"),
            EngineHarness.CartAbandoned("e4", "c4", "k4", 40),
            EngineHarness.OrderPlaced("o4", "c4", "another-cart"),
            EngineHarness.CartAbandoned("e5", "c5", "k5", 50),
            EngineHarness.CartAbandoned("e5", "c5", "k5", 50),
            EngineHarness.CartAbandoned("e6", "c5", "k6", 60),
        ];

        await AssertEquivalentAsync(
            "abandoned-cart",
            events,
            ["c1", "c2", "c3", "c4", "c5"],
            (_, n) => ScriptedReply.Json($$"""{ "messageId": "m-{{n}}" }"""),
            $$"""{ "loyalty.tier": { "c2": {{Gold}}, "c4": {{Gold}}, "*": {{Silver}} } }""",
            """{ "send-email": { "status": 200, "body": { "messageId": "m" } } }""");
    }

    [Fact]
    public async Task A_retried_email_is_called_twice_on_both()
    {
        await AssertEquivalentAsync(
            "abandoned-cart",
            [EngineHarness.CartAbandoned("e1", "c2", "k1", 100)],
            ["c2"],
            (_, n) => n == 1 ? ScriptedReply.Status(500) : ScriptedReply.Json("""{ "messageId": "m" }"""),
            $$"""{ "loyalty.tier": { "*": {{Gold}} } }""",
            """{ "send-email": [ { "status": 500 }, { "status": 200, "body": { "messageId": "m" } } ] }""");
    }

    [Fact]
    public async Task A_refused_email_errors_the_instance_on_both()
    {
        await AssertEquivalentAsync(
            "abandoned-cart",
            [EngineHarness.CartAbandoned("e1", "c1", "k1", 100)],
            ["c1"],
            (_, _) => ScriptedReply.Json("""{ "error": "no" }""", 400),
            $$"""{ "loyalty.tier": { "*": {{Silver}} } }""",
            """{ "send-email": { "status": 400, "body": { "error": "no" } } }""");
    }

    [Fact]
    public async Task The_welcome_series_splits_waits_and_reminds_the_same()
    {
        string[] profiles = ["w1", "w2", "w3", "w4", "w5", "w6"];
        await AssertEquivalentAsync(
            "welcome-series",
            profiles.Select(p => $$"""{ "id": "r-{{p}}", "type": "customer.registered", "customer": { "id": "{{p}}", "email": "{{p}}@example.com", "country": "FR" } }""").ToArray(),
            profiles,
            (_, n) => ScriptedReply.Json($$"""{ "messageId": "m-{{n}}" }"""),
            $$"""{ "loyalty.tier": { "w2": {{Gold}}, "w4": {{Gold}}, "w6": {{Gold}}, "*": {{Silver}} } }""",
            """{ "send-message": { "status": 200, "body": { "messageId": "m" } } }""");
    }

    [Fact]
    public async Task Payment_retries_approved_and_declined_end_the_same()
    {
        static string Failed(string profile, double amount) =>
            $$"""{ "id": "f-{{profile}}", "type": "payment.failed", "customer": { "id": "{{profile}}", "email": "{{profile}}@example.com" }, "payment": { "id": "pay-{{profile}}", "amount": {{amount.ToString(CultureInfo.InvariantCulture)}}, "retryAt": "2020-01-01T00:00:00Z" } }""";

        // The engine's billing answers by amount; the simulation consumes the sequence in event order (u1, u2).
        await AssertEquivalentAsync(
            "payment-failed",
            [Failed("u1", 10), Failed("u2", 20)],
            ["u1", "u2"],
            (request, _) => request.PathAndQuery.StartsWith("/payments/", StringComparison.Ordinal)
                ? ScriptedReply.Json(EngineHarness.Body(request)["amount"]!.GetValue<double>() < 15 ? """{ "outcome": "declined" }""" : """{ "outcome": "approved" }""")
                : ScriptedReply.Json("""{ "messageId": "m" }"""),
            "{}",
            """
            { "retry-payment": [ { "status": 200, "body": { "outcome": "declined" } }, { "status": 200, "body": { "outcome": "approved" } } ],
              "send-message": { "status": 200, "body": { "messageId": "m" } } }
            """);
    }

    private static async Task AssertEquivalentAsync(
        string journeyId, string[] events, string[] profiles, Func<RecordedRequest, int, ScriptedReply> services, string data, string actions)
    {
        var scenario = $$"""
            { "events": [ {{string.Join(", ", events.Select(e => $$"""{ "at": "PT0S", "event": {{e}} }"""))}} ],
              "data": {{data}}, "actions": {{actions}} }
            """;
        var simulated = await SimulationFixture.RunAsync(journeyId, scenario);
        var simulatedProfiles = profiles.Select(p => Describe(p, simulated.Instances.Single(i => i.ProfileId == p))).ToList();

        await using var harness = await EngineHarness.StartAsync(TimeScale, services);
        await harness.PublishAsync(journeyId);
        await harness.IngestAsync(events);
        await harness.WaitUntilIdleAsync(TimeSpan.FromSeconds(120));

        var engineProfiles = new List<string>();
        foreach (var profile in profiles)
        {
            var instance = (await harness.Engine.GetInstanceAsync(journeyId, profile))!;
            Assert.Empty(instance.Previous);
            var calls = harness.Mailer.Requests
                .Where(r => r.Header("Idempotency-Key") is { } key && key.StartsWith(instance.InstanceId + ":", StringComparison.Ordinal))
                .Select(r => r.Header("Idempotency-Key")!.Split(':')[1]);
            engineProfiles.Add(Describe(profile, instance.Status, instance.Steps, calls));
        }

        Assert.Equal(simulatedProfiles, engineProfiles);
        var engineReport = Assert.Single((await harness.Engine.GetReportAsync(journeyId))!.Versions);
        Assert.Equal(Describe(simulated.Report), Describe(engineReport));
    }

    private static string Describe(string profile, SimulatedInstance instance) =>
        Describe(profile, instance.Status, instance.Steps, instance.Calls.Select(c => c.Node));

    private static string Describe(string profile, InstanceStatus status, IEnumerable<StepEvent> steps, IEnumerable<string> callNodes)
    {
        var path = steps.Where(s => s.Kind == StepEventKind.Entered).Select(s => s.Node);
        var calls = callNodes.GroupBy(n => n, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}");
        return $"{profile}: {status} [{string.Join(", ", path)}] calls {{{string.Join(", ", calls)}}}";
    }

    private static string Describe(VersionReport report) =>
        $"entered {report.Entered}, completed {report.Completed}, errored {report.Errored}, timedOut {report.TimedOut}; "
        + $"discarded {{{string.Join(", ", report.Discarded.Select(d => $"{d.Key}: {d.Value}"))}}}; "
        + string.Join("; ", report.Nodes.Select(n =>
            $"{n.Key}: entered {n.Value.Entered}, exited {n.Value.Exited}, errors {n.Value.Errors}, waiting {n.Value.Waiting}, "
            + $"branches {{{string.Join(", ", n.Value.Branches.Select(b => $"{b.Key}: {b.Value}"))}}}, calls {n.Value.Actions?.Calls ?? 0}"));
}
