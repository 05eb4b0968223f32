using System.Collections.Concurrent;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// IANA time zones by id (<c>Europe/Paris</c>, <c>UTC</c>), read from the system's zoneinfo and cached: the
/// lookup reads files, evaluation should not.
/// </summary>
internal static class TimeZones
{
    /// <summary>Bounds the cache: ids can come from data, and there are about 600 real zones.</summary>
    private const int MaxCached = 1024;

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static TimeZoneInfo? Find(string id)
    {
        if (Cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var zone = Load(id);
        if (zone is not null && Cache.Count < MaxCached)
        {
            Cache.TryAdd(id, zone);
        }

        return zone;
    }

    private static TimeZoneInfo? Load(string id)
    {
        if (id is "UTC" or "Etc/UTC" or "Z")
        {
            return TimeZoneInfo.Utc;
        }

        // Ids name files under the zoneinfo directory: only plain IANA names are looked up.
        if (id.Length is 0 or > 64 || id.Contains("..", StringComparison.Ordinal) || id[0] == '/'
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
