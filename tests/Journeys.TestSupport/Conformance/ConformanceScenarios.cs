using System.Globalization;
using Journeys.Core.Execution;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Conformance;

/// <summary>
/// One suite of scenarios, run against every host (the embedded engine on a SQLite file; the Functions app's own
/// orchestrator and activities on Durable, in memory and on Azure Storage) with the same expected paths, calls and
/// counts: where two hosts differ, one of them has a bug. Each scenario publishes the journeys it needs (the samples
/// and the small journeys in <c>Configuration/</c>), drives them through the host's ingestion, and reads the
/// instance views, reports and recorded requests. Waits are seconds long and run in real time on every host.
/// This part: the three samples end to end and their failure paths.
/// </summary>
public abstract partial class ConformanceScenarios
{
    /// <summary>Starts the host with an empty catalog; its actions and data sources will be answered by <paramref name="script"/>.</summary>
    protected abstract Task<IJourneyHostUnderTest> StartHostAsync(Func<RecordedRequest, int, ScriptedReply> script);

    [Fact]
    public async Task Abandoned_cart_an_order_for_the_cart_ends_the_wait_and_nothing_is_sent()
    {
        await using var run = await StartAsync("abandoned-cart");

        var entered = await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        await run.WaitForEventWaitAsync("abandoned-cart", "c1", "await-order");
        await run.IngestAsync(Order("o0", "c1", "another-cart"));
        var order = await run.IngestAsync(Order("o1", "c1", "k1"));
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        // "resumed" for the order of another cart is host-specific (IRoutingContext.ResumeAsync): the embedded
        // engine correlates while routing, Durable inside the orchestration. The outcome is the same.
        Assert.Equal(["abandoned-cart"], entered.Entered);
        Assert.Equal(["abandoned-cart"], order.Resumed);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["await-order", "done"], Path(view));
        Assert.Empty(run.Requests);
        var version = await run.VersionAsync("abandoned-cart");
        Assert.Equal((1, 0, 1), (version.Entered, version.Active, version.Completed));
        Assert.Equal(1, version.Nodes["await-order"].Branches["next"]);
    }

    [Fact]
    public async Task Abandoned_cart_without_an_order_times_out_fetches_the_tier_and_sends_the_vip_email_once()
    {
        await using var run = await StartAsync("abandoned-cart");

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], Path(view));
        Assert.Equal(["GET /loyalty/members/c1", "POST /send-email/send"], run.Requests.Select(r => r.Method + " " + r.PathAndQuery));
        var email = run.Requests[1];
        Assert.Contains("\"You left 108 EUR behind\"", email.Body, StringComparison.Ordinal);
        Assert.Equal(view.InstanceId + ":vip-email:1", email.Header("Idempotency-Key"));
        var version = await run.VersionAsync("abandoned-cart");
        Assert.Equal((1, 1), (version.Entered, version.Completed));
        Assert.Equal(1, version.Nodes["await-order"].Branches["timeout"]);
        Assert.Equal(1, version.Nodes["tier-check"].Branches["branches[0]"]);
        Assert.Equal((1, 1, 0), (version.Nodes["vip-email"].Entered, version.Nodes["vip-email"].Exited, version.Nodes["vip-email"].Errors));
        Assert.DoesNotContain("std-email", version.Nodes.Keys);
    }

    [Fact]
    public async Task Welcome_series_sends_the_variant_then_tips_then_the_points_reminder_a_wait_apart()
    {
        await using var run = await StartAsync("welcome-series");

        await run.IngestAsync("""{ "id": "r1", "type": "customer.registered", "customer": { "id": "w1", "email": "w@example.com", "firstName": "Ada", "country": "FR" } }""");
        var view = await run.WaitForEndAsync("welcome-series", "w1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["variant", "welcome-short", "day-1", "tips", "day-2", "loyal-check", "points-reminder", "done"], Path(view));
        var templates = run.RequestsTo("send-message").Select(r => r.Body).ToList();
        Assert.Equal(3, templates.Count);
        Assert.Contains("tips-fr", templates[1], StringComparison.Ordinal);
        Assert.Contains("points-reminder", templates[2], StringComparison.Ordinal);
        var version = await run.VersionAsync("welcome-series");
        Assert.Equal(1, version.Nodes["variant"].Branches["branches[0]"]);
        Assert.Equal(1, version.Nodes["day-1"].Branches["next"]);
    }

    [Fact]
    public async Task Payment_failed_waits_until_the_retry_time_retries_and_a_matching_success_completes_it()
    {
        await using var run = await StartAsync("payment-failed");

        await run.IngestAsync(PaymentFailed("f1", "p1", DateTimeOffset.UtcNow.AddSeconds(2)));
        await run.WaitForEventWaitAsync("payment-failed", "p1", "await-payment");
        var success = await run.IngestAsync("""{ "id": "s1", "type": "payment.succeeded", "customer": { "id": "p1" }, "payment": { "id": "pay-1" } }""");
        var view = await run.WaitForEndAsync("payment-failed", "p1");

        Assert.Equal(["payment-failed"], success.Resumed);
        Assert.Equal(["until-retry", "retry", "retry-outcome", "await-payment", "done"], Path(view));
        Assert.Equal(["POST /retry-payment/payments/pay-1/retry"], run.Requests.Select(r => r.Method + " " + r.PathAndQuery));
        var version = await run.VersionAsync("payment-failed");
        Assert.Equal(1, version.Nodes["retry-outcome"].Branches["otherwise"]);
    }

    [Fact]
    public async Task A_failing_email_is_retried_with_one_idempotency_key_then_takes_the_error_path()
    {
        await using var run = await StartAsync(
            ["abandoned-cart"], (request, number) => request.PathAndQuery.StartsWith("/send-email/", StringComparison.Ordinal) ? ScriptedReply.Status(503) : Reply(request, number));

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], Path(view));
        var attempts = run.RequestsTo("send-email");
        Assert.Equal(4, attempts.Count); // the first call and send-email's maxRetries (3)
        Assert.All(attempts, attempt => Assert.Equal(view.InstanceId + ":vip-email:1", attempt.Header("Idempotency-Key")));
        var result = Assert.Single(view.Steps, step => step.Kind == StepEventKind.ActionResult);
        Assert.Equal(("error", 503), (result.Outcome, result.StatusCode));
        var version = await run.VersionAsync("abandoned-cart");
        Assert.Equal(1, version.Nodes["vip-email"].Branches["error"]); // errorNext is the "error" branch, not a step error
        Assert.Equal((1, 0), (version.Completed, version.Errored));
    }

    private Task<ConformanceRun> StartAsync(params string[] journeys) => StartAsync(journeys, Reply);

    private async Task<ConformanceRun> StartAsync(string[] journeys, Func<RecordedRequest, int, ScriptedReply> script) =>
        await ConformanceRun.StartAsync(await StartHostAsync(script), journeys);

    /// <summary>
    /// The services' usual answers: a gold member with 500 points, a mailer that accepts, a billing service that
    /// declines, a profile scoring 80, a call that asks for nothing more.
    /// </summary>
    private static ScriptedReply Reply(RecordedRequest request, int number) => request.PathAndQuery switch
    {
        var path when path.StartsWith("/loyalty/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "tier": "gold", "points": 500 }"""),
        var path when path.StartsWith("/retry-payment/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "outcome": "declined" }"""),
        var path when path.StartsWith("/profiles/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "score": 80 }"""),
        var path when path.StartsWith("/conf-call/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "more": false }"""),
        _ => ScriptedReply.Json($$"""{ "messageId": "m{{number}}" }"""),
    };

    /// <summary>Answers the requests under <c>/{prefix}/</c> in turn with <paramref name="replies"/> (the last one again after that); the rest as usual.</summary>
    private static Func<RecordedRequest, int, ScriptedReply> Answering(string prefix, params ScriptedReply[] replies)
    {
        var seen = 0;
        return (request, number) =>
        {
            if (!request.PathAndQuery.StartsWith("/" + prefix + "/", StringComparison.Ordinal))
            {
                return Reply(request, number);
            }

            var index = Interlocked.Increment(ref seen) - 1;
            return replies[Math.Min(index, replies.Length - 1)];
        };
    }

    private static List<string> Path(InstanceView view) => ConformanceRun.Path(view);

    private static string Cart(string id, string profile, string cart, int total) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{profile}}", "email": "{{profile}}@example.com" }, "cart": { "id": "{{cart}}", "total": {{total}} } }""";

    private static string Order(string id, string profile, string cart) =>
        $$"""{ "id": "{{id}}", "type": "order.placed", "customer": { "id": "{{profile}}" }, "cart": { "id": "{{cart}}" }, "order": { "id": "{{id}}" } }""";

    private static string PaymentFailed(string id, string profile, DateTimeOffset retryAt) =>
        $$"""{ "id": "{{id}}", "type": "payment.failed", "customer": { "id": "{{profile}}", "email": "{{profile}}@example.com" }, "payment": { "id": "pay-1", "amount": 30, "retryAt": "{{retryAt.ToString("O", CultureInfo.InvariantCulture)}}" } }""";

    private static string Start(string id, string profile, string reference) =>
        $$"""{ "id": "{{id}}", "type": "conf.start", "customer": { "id": "{{profile}}" }, "ref": "{{reference}}" }""";

    private static string Signal(string id, string profile, string reference) =>
        $$"""{ "id": "{{id}}", "type": "conf.signal", "customer": { "id": "{{profile}}" }, "ref": "{{reference}}" }""";
}
