using System.Collections.Concurrent;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// A token bucket per source: <c>permitsPerSecond</c> tokens refilled continuously, holding at most one second's
/// worth (a burst of <c>permitsPerSecond</c>). Callers reserve ahead (the balance may go negative), so waiting
/// callers are served in arrival order and never exceed the rate together.
/// </summary>
public sealed class InMemoryDataSourceRateLimiter : IDataSourceRateLimiter
{
    private readonly TimeProvider timeProvider;
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    public InMemoryDataSourceRateLimiter(TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
    }

    public ValueTask<TimeSpan?> TryReserveAsync(string sourceId, int permitsPerSecond, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        if (permitsPerSecond <= 0)
        {
            return ValueTask.FromResult<TimeSpan?>(TimeSpan.Zero);
        }

        var now = timeProvider.GetUtcNow();
        var bucket = buckets.GetOrAdd(sourceId, _ => new Bucket(permitsPerSecond, now));
        lock (bucket)
        {
            var elapsed = (now - bucket.LastRefill).TotalSeconds;
            if (elapsed > 0)
            {
                bucket.Tokens = Math.Min(permitsPerSecond, bucket.Tokens + (elapsed * permitsPerSecond));
                bucket.LastRefill = now;
            }

            // A changed definition takes effect at once rather than after the old burst drains.
            bucket.Tokens = Math.Min(bucket.Tokens, permitsPerSecond);

            var wait = bucket.Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - bucket.Tokens) / permitsPerSecond);
            if (wait > maxWait)
            {
                return ValueTask.FromResult<TimeSpan?>(null);
            }

            bucket.Tokens -= 1;
            return ValueTask.FromResult<TimeSpan?>(wait);
        }
    }

    private sealed class Bucket
    {
        public Bucket(int permitsPerSecond, DateTimeOffset now)
        {
            Tokens = permitsPerSecond;
            LastRefill = now;
        }

        public double Tokens { get; set; }

        public DateTimeOffset LastRefill { get; set; }
    }
}
