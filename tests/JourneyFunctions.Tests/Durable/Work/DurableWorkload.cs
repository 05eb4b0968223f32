using System.Globalization;
using Journeys.Core.Execution;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// How entrants of one sample journey are driven: the entry event of entrant <c>i</c>, the follow-up event some
/// entrants get once they wait at a node, the path each is expected to take (a typical mix, decided by <c>i</c>), and the
/// sample's waits shortened to seconds (Durable timers run in real time). In an expected path, "*" stands for any node.
/// </summary>
public sealed record DurableWorkload(
    string Journey,
    string Mix,
    IReadOnlyDictionary<string, string> Waits,
    Func<int, string> Profile,
    Func<int, string> Entry,
    Func<int, FollowUp?> FollowUpOf,
    Func<int, IReadOnlyList<string>> ExpectedPath)
{
    /// <summary>
    /// Abandoned cart: 30% place the order while the cart waits (no message); the rest time out, fetch the loyalty
    /// tier and get the VIP email (gold: even entrants) or the standard one.
    /// </summary>
    public static DurableWorkload AbandonedCart { get; } = new(
        "abandoned-cart",
        "30% order within the wait; 70% time out → tier fetch → email (gold: VIP email, others: standard)",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["PT1H"] = "PT30S" },
        i => "c" + Number(i),
        i => $$"""{ "id": "cart-{{Number(i)}}", "type": "cart.abandoned", "customer": { "id": "c{{Number(i)}}", "email": "c{{Number(i)}}@example.com" }, "cart": { "id": "k{{Number(i)}}", "total": 120 } }""",
        i => Ordered(i)
            ? new FollowUp(view => view.Waiting == WaitKind.Event, $$"""{ "id": "order-{{Number(i)}}", "type": "order.placed", "customer": { "id": "c{{Number(i)}}" }, "cart": { "id": "k{{Number(i)}}" }, "order": { "id": "o{{Number(i)}}" } }""")
            : null,
        i => Ordered(i) ? ["await-order", "done"] : ["await-order", "tier-check", Gold(i) ? "vip-email" : "std-email", "done"]);

    /// <summary>
    /// Payment failed, in thirds: the scheduled retry is approved; declined, then paid by the customer while the
    /// journey waits; declined and never paid (the wait times out and the customer is told).
    /// </summary>
    public static DurableWorkload PaymentFailed { get; } = new(
        "payment-failed",
        "⅓ retry approved; ⅓ declined then paid within the wait; ⅓ declined, wait times out → failure message",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["P2D"] = "PT30S" },
        i => "p" + Number(i),
        i => $$"""{ "id": "failed-{{Number(i)}}", "type": "payment.failed", "customer": { "id": "p{{Number(i)}}", "email": "p{{Number(i)}}@example.com" }, "payment": { "id": "pay-{{Number(i)}}", "amount": 30, "retryAt": "{{DateTimeOffset.UtcNow.AddSeconds(3).ToString("O", CultureInfo.InvariantCulture)}}" } }""",
        i => i % 3 == 1
            ? new FollowUp(view => view.Node == "await-payment" && view.Waiting == WaitKind.Event, $$"""{ "id": "paid-{{Number(i)}}", "type": "payment.succeeded", "customer": { "id": "p{{Number(i)}}" }, "payment": { "id": "pay-{{Number(i)}}" } }""")
            : null,
        i => (i % 3) switch
        {
            0 => ["until-retry", "retry", "retry-outcome", "done"],
            1 => ["until-retry", "retry", "retry-outcome", "await-payment", "done"],
            _ => ["until-retry", "retry", "retry-outcome", "await-payment", "notify-failure", "done"],
        });

    /// <summary>
    /// Welcome series, the whole series: the split's variant (50/50, the journey's own draw), two day waits, tips,
    /// and the points reminder for the half with at least 100 loyalty points (even entrants).
    /// </summary>
    public static DurableWorkload WelcomeSeries { get; } = new(
        "welcome-series",
        "whole series: variant (50/50 split) → wait → tips → wait → points check (50% ≥ 100 points → reminder)",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["P1D"] = "PT2S" },
        i => "w" + Number(i),
        i => $$"""{ "id": "registered-{{Number(i)}}", "type": "customer.registered", "customer": { "id": "w{{Number(i)}}", "email": "w{{Number(i)}}@example.com", "firstName": "Ada", "country": "{{(i % 3 == 0 ? "FR" : "DE")}}" } }""",
        _ => null,
        // The split draws the variant ("*": any node).
        i => ["variant", "*", "day-1", "tips", "day-2", "loyal-check", .. (Gold(i) ? new[] { "points-reminder" } : []), "done"]);

    public static IReadOnlyList<DurableWorkload> Samples { get; } = [AbandonedCart, PaymentFailed, WelcomeSeries];

    /// <summary>
    /// The samples' services: loyalty gold with 500 points for even entrants (silver with 50 otherwise), billing
    /// approves every third retry, the mailers accept.
    /// </summary>
    public static ScriptedReply Reply(RecordedRequest request, int number)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.PathAndQuery;
        if (path.StartsWith("/loyalty/members/", StringComparison.Ordinal))
        {
            return Gold(EntrantOf(path["/loyalty/members/".Length..]))
                ? ScriptedReply.Json("""{ "tier": "gold", "points": 500 }""")
                : ScriptedReply.Json("""{ "tier": "silver", "points": 50 }""");
        }

        if (path.StartsWith("/retry-payment/payments/pay-", StringComparison.Ordinal))
        {
            return EntrantOf(path["/retry-payment/payments/pay-".Length..]) % 3 == 0
                ? ScriptedReply.Json("""{ "outcome": "approved" }""")
                : ScriptedReply.Json("""{ "outcome": "declined" }""");
        }

        return ScriptedReply.Json($$"""{ "messageId": "m{{number}}" }""");
    }

    private static bool Ordered(int i) => i % 10 < 3;

    private static bool Gold(int i) => i % 2 == 0;

    private static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The entrant number at the start of <paramref name="text"/> (a profile id without its letter, or a payment number).</summary>
    private static int EntrantOf(string text) =>
        int.Parse(new string(text.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
}
