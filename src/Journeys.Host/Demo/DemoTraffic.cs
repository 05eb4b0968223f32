using System.Globalization;

namespace Journeys.Host.Demo;

/// <summary>
/// Synthetic shoppers: every one abandons a cart; 40% then order it (soon after, in the same stream); one in five
/// registered recently (welcome series); one in twenty has a declined subscription payment; one cart event in a
/// hundred is delivered twice. Seeded, so every run sends the same events.
/// </summary>
public static class DemoTraffic
{
    public static IReadOnlyList<string> Generate(int shoppers, DateTimeOffset now, int seed = 7)
    {
        var random = new Random(seed);
        var events = new List<string>(shoppers * 2);
        var later = new List<(int At, string Event)>();
        var at = now.ToString("O", CultureInfo.InvariantCulture);
        for (var i = 0; i < shoppers; i++)
        {
            var customer = string.Create(CultureInfo.InvariantCulture, $"shopper-{i:D5}");
            var total = Math.Round(20 + (random.NextDouble() * 280), 2).ToString(CultureInfo.InvariantCulture);
            if (i % 5 == 0)
            {
                events.Add($$"""{ "id": "reg-{{i}}", "type": "customer.registered", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com", "firstName": "Shopper {{i}}", "country": "{{(i % 2 == 0 ? "FR" : "DE")}}" }, "occurredAt": "{{at}}" }""");
            }

            var cart = $$"""{ "id": "cart-{{i}}", "type": "cart.abandoned", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com" }, "cart": { "id": "k-{{i}}", "total": {{total}} }, "occurredAt": "{{at}}" }""";
            events.Add(cart);
            if (i % 100 == 7)
            {
                // At-least-once producers redeliver: one cart event in a hundred arrives twice.
                later.Add((events.Count + random.Next(1, 400), cart));
            }

            if (random.NextDouble() < 0.4)
            {
                later.Add((events.Count + random.Next(1, 200), $$"""{ "id": "order-{{i}}", "type": "order.placed", "customer": { "id": "{{customer}}" }, "cart": { "id": "k-{{i}}" }, "order": { "id": "o-{{i}}", "total": {{total}} }, "occurredAt": "{{at}}" }"""));
            }

            if (i % 20 == 0)
            {
                var retryAt = now.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
                events.Add($$"""{ "id": "pay-{{i}}", "type": "payment.failed", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com" }, "payment": { "id": "p-{{i}}", "amount": 9.99, "currency": "EUR", "retryAt": "{{retryAt}}" }, "occurredAt": "{{at}}" }""");
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
}
