using System.Collections.Concurrent;
using System.Text.Json;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Successful field-group responses per (source, group, path), kept <c>cacheSeconds</c> on the injected clock.
/// Bounded: when full, expired entries are swept and, if still full, new responses are simply not cached
/// (correctness never depends on a hit).
/// </summary>
internal sealed class DataSourceResponseCache
{
    private readonly ConcurrentDictionary<(string Source, string Group, string Path), Entry> entries = new();
    private readonly TimeProvider timeProvider;
    private readonly int maxEntries;
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>How often expired entries are dropped even when the cache is far from full.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>Entries held now, expired or not (for tests and diagnostics).</summary>
    public int Count => entries.Count;

    public DataSourceResponseCache(TimeProvider timeProvider, int maxEntries)
    {
        this.timeProvider = timeProvider;
        this.maxEntries = maxEntries;
    }

    public bool TryGet(string source, string group, string path, out JsonElement body)
    {
        if (entries.TryGetValue((source, group, path), out var entry))
        {
            if (entry.ExpiresAt > timeProvider.GetUtcNow())
            {
                body = entry.Body;
                return true;
            }

            entries.TryRemove(new KeyValuePair<(string, string, string), Entry>((source, group, path), entry));
        }

        body = default;
        return false;
    }

    public void Set(string source, string group, string path, JsonElement body, int cacheSeconds)
    {
        var now = timeProvider.GetUtcNow();
        if (now >= nextSweep)
        {
            // Without this, entries of profiles never seen again would stay until the cache is full (a steady
            // stream of new profiles grows memory to the bound); one pass every interval keeps it to live entries.
            nextSweep = now + SweepInterval;
            Sweep(now);
        }

        if (entries.Count >= maxEntries)
        {
            Sweep(now);
            if (entries.Count >= maxEntries)
            {
                return;
            }
        }

        entries[(source, group, path)] = new Entry(body, now.AddSeconds(cacheSeconds));
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.TryRemove(new KeyValuePair<(string, string, string), Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(JsonElement Body, DateTimeOffset ExpiresAt);
}
