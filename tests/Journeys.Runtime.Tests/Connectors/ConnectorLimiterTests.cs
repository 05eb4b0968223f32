using System.Net.Http;
using Journeys.Runtime.Connectors;

using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

public sealed class ConnectorLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_token_bucket_grants_a_burst_of_one_second_then_spaces_reservations_at_the_rate()
    {
        var clock = new ManualClock(Start);
        var limiter = new InMemoryDataSourceRateLimiter(clock);
        var maxWait = TimeSpan.FromSeconds(10);

        var waits = new List<TimeSpan?>();
        for (var i = 0; i < 6; i++)
        {
            waits.Add(await limiter.TryReserveAsync("loyalty", 4, maxWait, CancellationToken.None));
        }

        Assert.Equal(new TimeSpan?[] { TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500) }, waits);
    }

    [Fact]
    public async Task A_reservation_beyond_max_wait_is_refused_and_takes_nothing()
    {
        var clock = new ManualClock(Start);
        var limiter = new InMemoryDataSourceRateLimiter(clock);
        var maxWait = TimeSpan.FromMilliseconds(300);

        await limiter.TryReserveAsync("loyalty", 2, maxWait, CancellationToken.None);
        await limiter.TryReserveAsync("loyalty", 2, maxWait, CancellationToken.None);
        var refused = await limiter.TryReserveAsync("loyalty", 2, maxWait, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        var later = await limiter.TryReserveAsync("loyalty", 2, maxWait, CancellationToken.None);

        Assert.Null(refused);
        // 250 ms refilled half a token; the refused call took none, so the next one waits the other 250 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(250), later);
    }

    [Fact]
    public async Task Sources_have_separate_buckets()
    {
        var limiter = new InMemoryDataSourceRateLimiter(new ManualClock(Start));

        await limiter.TryReserveAsync("a", 1, TimeSpan.Zero, CancellationToken.None);
        var otherSource = await limiter.TryReserveAsync("b", 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, otherSource);
    }

    [Fact]
    public async Task The_action_cap_counts_per_utc_minute()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 10, 0, 58, TimeSpan.Zero));
        var limiter = new InMemoryActionCallLimiter(clock);

        var results = new List<bool>
        {
            await limiter.TryAcquireAsync("send", 2, CancellationToken.None),
            await limiter.TryAcquireAsync("send", 2, CancellationToken.None),
            await limiter.TryAcquireAsync("send", 2, CancellationToken.None),
        };
        clock.Advance(TimeSpan.FromSeconds(2)); // 10:01:00, a new window
        results.Add(await limiter.TryAcquireAsync("send", 2, CancellationToken.None));

        Assert.Equal([true, true, false, true], results);
    }

    [Fact]
    public void Registration_gives_clients_without_their_own_timeout()
    {
        using var harness = new ConnectorHarness();
        var factory = harness.Get<IHttpClientFactory>();

        Assert.Equal(Timeout.InfiniteTimeSpan, factory.CreateClient(ConnectorHttpClients.Actions).Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, factory.CreateClient(ConnectorHttpClients.DataSources).Timeout);
        Assert.Same(harness.Actions, harness.Get<ActionInvoker>());
    }
}
