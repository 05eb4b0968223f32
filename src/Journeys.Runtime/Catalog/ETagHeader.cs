namespace Journeys.Runtime.Catalog;

/// <summary>
/// Converts between the bare ETag tokens the catalog stores and compares, and the quoted entity-tag form of
/// RFC 9110 used in <c>ETag</c>, <c>If-Match</c> and <c>If-None-Match</c> headers. Quoting happens only at the HTTP
/// edge, so stores and catalogs never see quotes.
/// </summary>
public static class ETagHeader
{
    /// <summary>The wildcard of <c>If-Match: *</c> and <c>If-None-Match: *</c>.</summary>
    public const string Any = "*";

    /// <summary>The header form of a stored ETag: <c>abc</c> becomes <c>"abc"</c>.</summary>
    public static string Format(string etag) => $"\"{etag}\"";

    /// <summary>
    /// Reads an <c>If-Match</c> / <c>If-None-Match</c> field value by RFC 9110 §13.1: either <c>*</c> alone
    /// (<paramref name="any"/> true, <paramref name="etags"/> empty) or a comma-separated list of entity-tags (<c>"a"</c> or
    /// <c>W/"a"</c>), each returned as its bare opaque part. Empty list elements are skipped (RFC 9110 §5.6.1);
    /// a value with no element at all, an unquoted token, <c>*</c> inside a list or a character outside the
    /// entity-tag alphabet makes the whole value malformed (false).
    /// </summary>
    public static bool TryParseList(string? headerValue, out bool any, out IReadOnlyList<string> etags)
    {
        any = false;
        etags = [];
        if (headerValue is null)
        {
            return false;
        }

        var value = headerValue.AsSpan().Trim(" \t");
        if (value.SequenceEqual(Any))
        {
            any = true;
            return true;
        }

        var parsed = new List<string>();
        var position = 0;
        while (true)
        {
            position = SkipWhitespace(value, position);
            if (position < value.Length && value[position] != ',')
            {
                if (!TryReadEntityTag(value, ref position, out var tag))
                {
                    return false;
                }

                parsed.Add(tag);
                position = SkipWhitespace(value, position);
            }

            if (position >= value.Length)
            {
                break;
            }

            if (value[position] != ',')
            {
                return false; // Two tags without a comma between them, or garbage after a tag.
            }

            position++;
        }

        etags = parsed;
        return parsed.Count > 0;
    }

    private static bool TryReadEntityTag(ReadOnlySpan<char> value, ref int position, out string tag)
    {
        tag = string.Empty;
        if (value[position..].StartsWith("W/", StringComparison.Ordinal))
        {
            position += 2;
        }

        if (position >= value.Length || value[position] != '"')
        {
            return false;
        }

        var start = ++position;
        while (position < value.Length && value[position] != '"')
        {
            if (!IsETagChar(value[position]))
            {
                return false;
            }

            position++;
        }

        if (position >= value.Length)
        {
            return false; // No closing quote.
        }

        tag = value[start..position].ToString();
        position++;
        return true;
    }

    /// <summary><c>etagc = %x21 / %x23-7E / obs-text</c>: visible characters except the double quote.</summary>
    private static bool IsETagChar(char c) => c == '!' || (c >= '#' && c <= '~') || (c >= '\u0080' && c <= '\u00FF');

    private static int SkipWhitespace(ReadOnlySpan<char> value, int position)
    {
        while (position < value.Length && value[position] is ' ' or '\t')
        {
            position++;
        }

        return position;
    }
}
