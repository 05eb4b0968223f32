using System.Globalization;
using JourneyFunctions.Tests;
using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Connectors;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// The three samples end to end through the Functions app's own orchestrator and activity functions on a real
/// Durable Task engine: entry through ingestion, waits on durable timers (shortened to seconds), events raised to
/// the orchestration, actions and data fetches over loopback HTTP, the step history and counters in Table Storage.
/// Each engine runs the same scenarios with the same expected paths and counts.
/// </summary>
public abstract class OrchestrationScenarios(AzuriteFixture azurite)
{
    /// <summary>Sample waits → seconds (real time: Durable timers cannot be sped up by a clock).</summary>
    private static readonly Dictionary<string, string> ShortWaits = new(StringComparer.Ordinal)
    {
        ["PT1H"] = "PT3S",
        ["P1D"] = "PT1S",
        ["P2D"] = "PT3S",
    };

    protected abstract EngineKind Kind { get; }

    [Fact]
    public async Task Abandoned_cart_an_order_for_the_cart_ends_the_wait_and_nothing_is_sent()
    {
        await using var run = await StartAsync("abandoned-cart");

        var entered = await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        await run.WaitForAsync("abandoned-cart", "c1", view => view.Waiting == WaitKind.Event);
        var other = await run.IngestAsync(Order("o0", "c1", "another-cart"));
        var order = await run.IngestAsync(Order("o1", "c1", "k1"));
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        Assert.Equal(["abandoned-cart"], entered.Entered);
        Assert.Equal(["abandoned-cart"], other.Resumed);
        Assert.Equal(["abandoned-cart"], order.Resumed);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["await-order", "done"], Path(view));
        Assert.Empty(run.Services.Requests);
    }

    [Fact]
    public async Task Abandoned_cart_without_an_order_times_out_fetches_the_tier_and_sends_the_vip_email_once()
    {
        await using var run = await StartAsync("abandoned-cart");

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], Path(view));
        Assert.Equal(["GET /loyalty/members/c1", "POST /send-email/send"], run.Services.Requests.Select(r => r.Method + " " + r.PathAndQuery));
        var email = run.Services.Requests[1];
        Assert.Contains("\"You left 108 EUR behind\"", email.Body, StringComparison.Ordinal);
        Assert.Equal(view.InstanceId + ":vip-email:1", email.Header("Idempotency-Key"));
        var report = (await run.ReportAsync("abandoned-cart"))!;
        Assert.Equal(1, Node(report, "vip-email").Entered);
        Assert.DoesNotContain("std-email", Assert.Single(report.Versions).Nodes.Keys);
    }

    [Fact]
    public async Task Welcome_series_sends_the_variant_then_tips_then_the_points_reminder_a_wait_apart()
    {
        await using var run = await StartAsync("welcome-series");

        await run.IngestAsync("""{ "id": "r1", "type": "customer.registered", "customer": { "id": "w1", "email": "w@example.com", "firstName": "Ada", "country": "FR" } }""");
        var view = await run.WaitForEndAsync("welcome-series", "w1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        var path = Path(view);
        Assert.Equal(["variant"], path.Take(1));
        Assert.Contains(path[1], new[] { "welcome-short", "welcome-long" });
        Assert.Equal(["day-1", "tips", "day-2", "loyal-check", "points-reminder", "done"], path.Skip(2));
        var templates = run.Services.Requests.Where(r => r.PathAndQuery == "/send-message/messages").Select(r => r.Body).ToList();
        Assert.Equal(3, templates.Count);
        Assert.Contains("tips-fr", templates[1], StringComparison.Ordinal);
        Assert.Contains("points-reminder", templates[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_failed_waits_until_the_retry_time_retries_and_a_matching_success_completes_it()
    {
        await using var run = await StartAsync("payment-failed");

        var retryAt = DateTimeOffset.UtcNow.AddSeconds(2).ToString("O", CultureInfo.InvariantCulture);
        await run.IngestAsync($$"""{ "id": "f1", "type": "payment.failed", "customer": { "id": "p1", "email": "p@example.com" }, "payment": { "id": "pay-1", "amount": 30, "retryAt": "{{retryAt}}" } }""");
        await run.WaitForAsync("payment-failed", "p1", view => view.Node == "await-payment" && view.Waiting == WaitKind.Event);
        await run.IngestAsync("""{ "id": "s1", "type": "payment.succeeded", "customer": { "id": "p1" }, "payment": { "id": "pay-1" } }""");
        var view = await run.WaitForEndAsync("payment-failed", "p1");

        Assert.Equal(["until-retry", "retry", "retry-outcome", "await-payment", "done"], Path(view));
        Assert.Equal(["POST /retry-payment/payments/pay-1/retry"], run.Services.Requests.Select(r => r.Method + " " + r.PathAndQuery));
    }

    [Fact]
    public async Task Stopping_the_journey_ends_its_waiting_instance_as_stopped()
    {
        await using var run = await StartAsync("abandoned-cart");

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        await run.WaitForAsync("abandoned-cart", "c1", view => view.Waiting == WaitKind.Event);
        var stop = await run.Catalog.Journeys.StopAsync("abandoned-cart");
        await JourneyStopObserver.OnLifecycleChangedAsync(stop.Value!, run.Instances, CancellationToken.None);
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        Assert.Equal(InstanceStatus.Stopped, view.Status);
        Assert.Equal(["await-order"], Path(view));
        Assert.Empty(run.Services.Requests);
    }

    [Fact]
    public async Task Re_entry_after_the_exit_starts_a_new_run_with_new_idempotency_keys()
    {
        await using var run = await StartAsync("payment-failed");

        var first = await RunPaymentFailureAsync(run, "f1");
        var second = await RunPaymentFailureAsync(run, "f2");

        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(first.InstanceId, Assert.Single(second.Previous).InstanceId);
        var keys = run.Services.Requests.Where(r => r.PathAndQuery.StartsWith("/retry-payment", StringComparison.Ordinal)).Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal([first.InstanceId + ":retry:1", second.InstanceId + ":retry:1"], keys);
    }

    [Fact]
    public async Task A_failing_email_is_retried_with_one_idempotency_key_then_takes_the_error_path()
    {
        await using var run = await StartAsync("abandoned-cart", (request, number) =>
            request.PathAndQuery.StartsWith("/send-email/", StringComparison.Ordinal) ? ScriptedReply.Status(503) : Reply(request, number));

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], Path(view));
        var attempts = run.Services.Requests.Where(r => r.PathAndQuery == "/send-email/send").ToList();
        Assert.Equal(4, attempts.Count); // the first call and send-email's maxRetries (3)
        Assert.All(attempts, attempt => Assert.Equal(view.InstanceId + ":vip-email:1", attempt.Header("Idempotency-Key")));
        Assert.Equal(1, Node(await run.ReportAsync("abandoned-cart"), "vip-email").Branches["error"]); // errorNext is the "error" branch, not a step error
    }

    [Fact]
    public async Task An_instance_waiting_when_a_new_version_is_published_finishes_on_its_own_version()
    {
        await using var run = await StartAsync("abandoned-cart");

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        await run.WaitForAsync("abandoned-cart", "c1", view => view.Waiting == WaitKind.Event);
        Assert.Equal(2, (await run.Catalog.Journeys.PublishAsync("abandoned-cart")).Value!.LiveVersion);
        await run.IngestAsync(Cart("e2", "c2", "k2", 50));
        var first = await run.WaitForEndAsync("abandoned-cart", "c1");
        var second = await run.WaitForEndAsync("abandoned-cart", "c2");

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], Path(first));
        var report = (await run.ReportAsync("abandoned-cart"))!;
        Assert.Equal([1L, 1L], report.Versions.OrderBy(v => v.Version).Select(v => v.Entered));
    }

    private static async Task<InstanceView> RunPaymentFailureAsync(JourneyRun run, string eventId)
    {
        var retryAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var result = await run.IngestAsync($$"""{ "id": "{{eventId}}", "type": "payment.failed", "customer": { "id": "p1", "email": "p@example.com" }, "payment": { "id": "pay-1", "amount": 30, "retryAt": "{{retryAt}}" } }""");
        Assert.Equal(["payment-failed"], result.Entered);
        return await run.WaitForEndAsync("payment-failed", "p1");
    }

    private Task<JourneyRun> StartAsync(string journey, Func<RecordedRequest, int, ScriptedReply>? script = null) =>
        JourneyRun.StartAsync(azurite, Kind, script ?? Reply, ShortWaits, journey);

    /// <summary>The samples' services: a gold member with 500 points, a mailer that accepts, a billing service that declines.</summary>
    private static ScriptedReply Reply(RecordedRequest request, int number) => request.PathAndQuery switch
    {
        var path when path.StartsWith("/loyalty/members/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "tier": "gold", "points": 500 }"""),
        var path when path.StartsWith("/retry-payment/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "outcome": "declined" }"""),
        _ => ScriptedReply.Json($$"""{ "messageId": "m{{number}}" }"""),
    };

    private static List<string> Path(InstanceView view) =>
        view.Steps.Where(step => step.Kind == StepEventKind.Entered).Select(step => step.Node!).ToList();

    private static NodeReport Node(JourneyReport? report, string node) => Assert.Single(report!.Versions).Nodes[node];

    private static string Cart(string id, string profile, string cart, int total) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{profile}}", "email": "{{profile}}@example.com" }, "cart": { "id": "{{cart}}", "total": {{total}} } }""";

    private static string Order(string id, string profile, string cart) =>
        $$"""{ "id": "{{id}}", "type": "order.placed", "customer": { "id": "{{profile}}" }, "cart": { "id": "{{cart}}" }, "order": { "id": "{{id}}" } }""";
}
