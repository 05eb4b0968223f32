using System.Text.Json;
using Journeys.Runtime.Connectors;

using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

public sealed class DataSourceResponseCacheTests
{
    private static readonly JsonElement Body = JsonDocument.Parse("""{ "tier": "gold" }""").RootElement.Clone();

    [Fact]
    public void Expired_entries_of_profiles_never_seen_again_are_dropped_at_the_next_sweep()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var cache = new DataSourceResponseCache(clock, maxEntries: 100_000);
        for (var i = 0; i < 50; i++)
        {
            cache.Set("loyalty", "tier", $"/members/p{i}", Body, cacheSeconds: 5);
        }

        clock.Advance(DataSourceResponseCache.SweepInterval);
        cache.Set("loyalty", "tier", "/members/new", Body, cacheSeconds: 5);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("loyalty", "tier", "/members/new", out _));
    }

    [Fact]
    public void Entries_still_fresh_survive_a_sweep()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var cache = new DataSourceResponseCache(clock, maxEntries: 100_000);
        cache.Set("loyalty", "tier", "/members/p1", Body, cacheSeconds: 300);

        clock.Advance(DataSourceResponseCache.SweepInterval);
        cache.Set("loyalty", "tier", "/members/p2", Body, cacheSeconds: 300);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("loyalty", "tier", "/members/p1", out var body));
        Assert.Equal("gold", body.GetProperty("tier").GetString());
    }
}
