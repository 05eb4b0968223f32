using System.Collections.Concurrent;
using System.Text.Json;

namespace Journeys.Connectors;

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
        if (entries.Count >= maxEntries)
        {
            foreach (var (key, entry) in entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    entries.TryRemove(new KeyValuePair<(string, string, string), Entry>(key, entry));
                }
            }

            if (entries.Count >= maxEntries)
            {
                return;
            }
        }

        entries[(source, group, path)] = new Entry(body, now.AddSeconds(cacheSeconds));
    }

    private sealed record Entry(JsonElement Body, DateTimeOffset ExpiresAt);
}
