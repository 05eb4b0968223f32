using System.Globalization;
using System.Text;

namespace Journeys.Host.Bench;

/// <summary>The events the bench sends: one new profile per event, so every event enters its journey.</summary>
internal static class BenchTraffic
{
    public static string Cart(string run, int i)
    {
        var n = string.Create(CultureInfo.InvariantCulture, $"{run}-{i}");
        var total = ((i % 300) + 20).ToString(CultureInfo.InvariantCulture);
        return $$"""{"id":"e{{n}}","type":"cart.abandoned","customer":{"id":"c{{n}}","email":"c{{n}}@example.com"},"cart":{"id":"k{{n}}","total":{{total}}},"occurredAt":"2026-11-23T10:00:00Z"}""";
    }

    public static string Ping(int i) => string.Create(CultureInfo.InvariantCulture, $$"""{"id":"p{{i}}","type":"bench.ping","profile":"u{{i}}"}""");

    public static string Timer(int i) => string.Create(CultureInfo.InvariantCulture, $$"""{"id":"t{{i}}","type":"bench.timer","profile":"u{{i}}"}""");

    /// <summary>A JSON array body of the given events, UTF-8.</summary>
    public static byte[] Array(IEnumerable<string> events) => Encoding.UTF8.GetBytes("[" + string.Join(',', events) + "]");

    /// <summary>Request bodies of <paramref name="batch"/> events each, made on demand (the bench must not hold a million events).</summary>
    public static IEnumerable<byte[]> Batches(int count, int batch, Func<int, string> make)
    {
        for (var offset = 0; offset < count; offset += batch)
        {
            var size = Math.Min(batch, count - offset);
            yield return Array(Enumerable.Range(offset, size).Select(make));
        }
    }
}
