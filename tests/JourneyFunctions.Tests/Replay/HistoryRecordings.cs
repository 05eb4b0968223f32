using System.Globalization;
using JourneyFunctions.Tests.Azurite;
using JourneyFunctions.Tests.Durable;
using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Connectors;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Records the golden histories: real runs of the three samples through the app's orchestrator and activity
/// functions on the Durable test host (in memory), over a <see cref="HistoryRecorder"/>. Skipped unless
/// <c>JOURNEYS_RECORD_HISTORIES=1</c> (docs/azure.md, "Changing orchestration behaviour safely"); each recording is replayed at once before it is written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HistoryRecordings(AzuriteFixture azurite)
{
    /// <summary>Sample waits → seconds; the abandoned cart waits long enough for the many events of a continue-as-new.</summary>
    private static readonly Dictionary<string, string> ShortWaits = new(StringComparer.Ordinal)
    {
        ["PT1H"] = "PT4S",
        ["P1D"] = "PT1S",
        ["P2D"] = "PT3S",
    };

    [RecordingFact]
    public async Task Abandoned_cart_ended_by_the_order_after_an_order_for_another_cart() =>
        await RecordAsync("abandoned-cart-order", "abandoned-cart: an order for another cart is ignored, the order for the cart ends the wait", "abandoned-cart", null, async run =>
        {
            await run.IngestAsync(Cart("e1", "c1", "k1", 120));
            await run.WaitForAsync("abandoned-cart", "c1", view => view.Waiting == WaitKind.Event);
            await run.IngestAsync(Order("o0", "c1", "another-cart"));
            await run.IngestAsync(Order("o1", "c1", "k1"));
            await run.WaitForEndAsync("abandoned-cart", "c1");
        });

    [RecordingFact]
    public async Task Abandoned_cart_timing_out_into_the_tier_fetch_and_the_vip_email() =>
        await RecordAsync("abandoned-cart-timeout", "abandoned-cart: no order, the wait times out, the tier is fetched (gold), the VIP email is sent", "abandoned-cart", null, async run =>
        {
            await run.IngestAsync(Cart("e1", "c1", "k1", 120));
            await run.WaitForEndAsync("abandoned-cart", "c1");
        });

    [RecordingFact]
    public async Task Abandoned_cart_whose_email_fails_after_its_retries() =>
        await RecordAsync(
            "abandoned-cart-email-error",
            "abandoned-cart: the mailer answers 503 to the call and its 3 retries, the action takes its error path",
            "abandoned-cart",
            (request, number) => request.PathAndQuery.StartsWith("/send-email/", StringComparison.Ordinal) ? ScriptedReply.Status(503) : Reply(request, number),
            async run =>
            {
                await run.IngestAsync(Cart("e1", "c1", "k1", 120));
                await run.WaitForEndAsync("abandoned-cart", "c1");
            });

    [RecordingFact]
    public async Task Abandoned_cart_stopped_while_waiting() =>
        await RecordAsync("abandoned-cart-stop", "abandoned-cart: the journey is stopped while the instance waits for the order", "abandoned-cart", null, async run =>
        {
            await run.IngestAsync(Cart("e1", "c1", "k1", 120));
            await run.WaitForAsync("abandoned-cart", "c1", view => view.Waiting == WaitKind.Event);
            var stop = await run.Catalog.Journeys.StopAsync("abandoned-cart");
            await JourneyStopObserver.OnLifecycleChangedAsync(stop.Value!, run.Instances, CancellationToken.None);
            await run.WaitForEndAsync("abandoned-cart", "c1");
        });

    [RecordingFact]
    public async Task Abandoned_cart_continuing_as_new_with_its_events_kept() =>
        await RecordAsync(
            "abandoned-cart-continue-as-new",
            "abandoned-cart: 24 orders for other carts fill a generation, the instance continues as new keeping its buffered events, the order for the cart ends it",
            "abandoned-cart",
            null,
            async run =>
            {
                await run.IngestAsync(Cart("e1", "c1", "k1", 120));
                await run.WaitForAsync("abandoned-cart", "c1", view => view.Waiting == WaitKind.Event);
                for (var i = 0; i < 24; i++)
                {
                    await run.IngestAsync(Order($"o{i}", "c1", $"other-{i}"));
                }

                await run.IngestAsync(Order("o-match", "c1", "k1"));
                await run.WaitForEndAsync("abandoned-cart", "c1");
            },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["PT1H"] = "PT60S" });

    [RecordingFact]
    public async Task Welcome_series_from_the_variant_to_the_points_reminder() =>
        await RecordAsync("welcome-series", "welcome-series: split, welcome email, a day's wait, tips, a day's wait, the loyalty condition (fetch), the points reminder", "welcome-series", null, async run =>
        {
            await run.IngestAsync("""{ "id": "r1", "type": "customer.registered", "customer": { "id": "w1", "email": "w@example.com", "firstName": "Ada", "country": "FR" } }""");
            await run.WaitForEndAsync("welcome-series", "w1");
        });

    [RecordingFact]
    public async Task Payment_failed_retried_at_the_time_then_completed_by_the_success_event() =>
        await RecordAsync("payment-failed", "payment-failed: wait until retryAt, the retry is declined, the matching payment.succeeded ends the wait", "payment-failed", null, async run =>
        {
            var retryAt = DateTimeOffset.UtcNow.AddSeconds(2).ToString("O", CultureInfo.InvariantCulture);
            await run.IngestAsync($$"""{ "id": "f1", "type": "payment.failed", "customer": { "id": "p1", "email": "p@example.com" }, "payment": { "id": "pay-1", "amount": 30, "retryAt": "{{retryAt}}" } }""");
            await run.WaitForAsync("payment-failed", "p1", view => view.Node == "await-payment" && view.Waiting == WaitKind.Event);
            await run.IngestAsync("""{ "id": "s1", "type": "payment.succeeded", "customer": { "id": "p1" }, "payment": { "id": "pay-1" } }""");
            await run.WaitForEndAsync("payment-failed", "p1");
        });

    private async Task RecordAsync(
        string name,
        string scenario,
        string journey,
        Func<RecordedRequest, int, ScriptedReply>? script,
        Func<JourneyRun, Task> drive,
        IReadOnlyDictionary<string, string>? waits = null)
    {
        var recorder = new HistoryRecorder();
        await using (var run = await JourneyRun.StartAsync(azurite, EngineKind.InMemory, script ?? Reply, waits ?? ShortWaits, recorder.RunAsync, journey))
        {
            await drive(run);
        }

        var history = recorder.History(scenario);
        var firstStart = history.Orchestrations.SelectMany(o => o.Executions).Min(g => g.StartedAt);
        var text = HistoryNormaliser.Normalise(history.Write(), firstStart);
        HistoryReplayer.Replay(OrchestrationHistory.Read(text), GoldenHistories.Orchestrator);
        await File.WriteAllTextAsync(Path.Combine(HistoryFiles.SourceFolder(), name + ".json"), text);
    }

    /// <summary>The samples' services: a gold member with 500 points, a mailer that accepts, a billing service that declines.</summary>
    private static ScriptedReply Reply(RecordedRequest request, int number) => request.PathAndQuery switch
    {
        var path when path.StartsWith("/loyalty/members/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "tier": "gold", "points": 500 }"""),
        var path when path.StartsWith("/retry-payment/", StringComparison.Ordinal) => ScriptedReply.Json("""{ "outcome": "declined" }"""),
        _ => ScriptedReply.Json($$"""{ "messageId": "m{{number}}" }"""),
    };

    private static string Cart(string id, string profile, string cart, int total) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{profile}}", "email": "{{profile}}@example.com" }, "cart": { "id": "{{cart}}", "total": {{total}} } }""";

    private static string Order(string id, string profile, string cart) =>
        $$"""{ "id": "{{id}}", "type": "order.placed", "customer": { "id": "{{profile}}" }, "cart": { "id": "{{cart}}" }, "order": { "id": "{{id}}" } }""";
}
