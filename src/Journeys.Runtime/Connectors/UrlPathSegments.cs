namespace Journeys.Runtime.Connectors;

/// <summary>
/// Guards the path of a rendered URL (action URLs, data-source paths) against dot segments. Template values are
/// escaped as URL data, so a value cannot add a '/', '?' or '#'; but a value that is exactly '.' or '..' still forms a
/// whole segment that every client (System.Uri included, which also decodes <c>%2E</c> first) resolves away, sending
/// the call, and its credentials, to another path. Such URLs are refused rather than "fixed": no rewriting of a dot
/// segment keeps the path the definition meant.
/// </summary>
internal static class UrlPathSegments
{
    /// <summary>The reason <paramref name="url"/> (absolute, or a path) must not be called; null when its path is safe.</summary>
    public static string? FindDotSegment(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = 0;
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            // Skip the authority: the path starts at the first '/' after it (or '\', which http clients take as '/').
            var slash = url.IndexOfAny(['/', '\\'], scheme + 3);
            if (slash < 0)
            {
                return null;
            }

            start = slash;
        }

        var end = url.IndexOfAny(['?', '#'], start);
        var path = url.AsSpan(start, (end < 0 ? url.Length : end) - start);
        foreach (var range in path.SplitAny('/', '\\'))
        {
            if (IsDotSegment(path[range]))
            {
                return $"The rendered URL path has a '{Decoded(path[range])}' segment: a template value was '.' or '..' (or its encoded form), which would move the call to another path. Nothing was sent.";
            }
        }

        return null;
    }

    private static bool IsDotSegment(ReadOnlySpan<char> segment)
    {
        var decoded = Decoded(segment);
        return decoded is "." or "..";
    }

    /// <summary>The segment with <c>%2E</c> (either case) read as '.', as URI normalisation does.</summary>
    private static string Decoded(ReadOnlySpan<char> segment) =>
        segment.Length > 6 ? segment.ToString() : segment.ToString().Replace("%2E", ".", StringComparison.OrdinalIgnoreCase);
}
