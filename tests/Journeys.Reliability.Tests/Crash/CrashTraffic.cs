using System.Globalization;

namespace Journeys.Reliability.Tests.Crash;

/// <summary>
/// Seeded shopper traffic for the sample journeys: every shopper abandons a cart (abandoned-cart); 40% order it
/// a little later in the stream (waitForEvent resumes or times out); every fifth registers (welcome-series: split,
/// actions, two one-day waits, a data-driven condition); every tenth has a payment declined (payment-failed), and
/// half of those pay soon after (waitForEvent on payment.succeeded). Each profile enters each journey once.
/// </summary>
internal static class CrashTraffic
{
    public static int Carts(int shoppers) => shoppers;

    public static int Registrations(int shoppers) => (shoppers + 4) / 5;

    public static int Payments(int shoppers) => (shoppers + 9) / 10;

    public static IReadOnlyList<string> Generate(int shoppers, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var at = now.ToString("O", CultureInfo.InvariantCulture);
        var retryAt = now.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
        var events = new List<string>(shoppers * 2);
        var later = new List<(int At, string Event)>();
        for (var i = 0; i < shoppers; i++)
        {
            var customer = Profile(i);
            var total = (20 + random.Next(0, 28_000) / 100.0).ToString(CultureInfo.InvariantCulture);
            if (i % 5 == 0)
            {
                events.Add($$"""{ "id": "reg-{{i}}", "type": "customer.registered", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com", "firstName": "S{{i}}", "country": "{{(i % 2 == 0 ? "FR" : "DE")}}" }, "occurredAt": "{{at}}" }""");
            }

            events.Add($$"""{ "id": "cart-{{i}}", "type": "cart.abandoned", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com" }, "cart": { "id": "k-{{i}}", "total": {{total}} }, "occurredAt": "{{at}}" }""");
            if (random.NextDouble() < 0.4)
            {
                later.Add((events.Count + random.Next(1, 300), $$"""{ "id": "order-{{i}}", "type": "order.placed", "customer": { "id": "{{customer}}" }, "cart": { "id": "k-{{i}}" }, "order": { "id": "o-{{i}}", "total": {{total}} }, "occurredAt": "{{at}}" }"""));
            }

            if (i % 10 == 0)
            {
                events.Add($$"""{ "id": "pay-{{i}}", "type": "payment.failed", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com" }, "payment": { "id": "p-{{i}}", "amount": 9.99, "currency": "EUR", "retryAt": "{{retryAt}}" }, "occurredAt": "{{at}}" }""");
                if (i % 20 == 0)
                {
                    later.Add((events.Count + random.Next(50, 600), $$"""{ "id": "paid-{{i}}", "type": "payment.succeeded", "customer": { "id": "{{customer}}" }, "payment": { "id": "p-{{i}}", "amount": 9.99 }, "occurredAt": "{{at}}" }"""));
                }
            }

            for (var j = 0; j < later.Count;)
            {
                if (later[j].At <= events.Count)
                {
                    events.Add(later[j].Event);
                    later.RemoveAt(j);
                }
                else
                {
                    j++;
                }
            }
        }

        events.AddRange(later.Select(l => l.Event));
        return events;
    }

    public static string Profile(int i) => string.Create(CultureInfo.InvariantCulture, $"s{i:D5}");
}
