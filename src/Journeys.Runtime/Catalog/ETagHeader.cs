namespace Journeys.Catalog;

/// <summary>
/// Converts between the bare ETag tokens the catalog stores and compares, and the quoted entity-tag form of
/// RFC 9110 used in <c>ETag</c> and <c>If-Match</c> headers. Quoting happens only at the HTTP edge, so stores
/// and the service never see quotes.
/// </summary>
public static class ETagHeader
{
    /// <summary>The header form of a stored ETag: <c>abc</c> becomes <c>"abc"</c>.</summary>
    public static string Format(string etag) => $"\"{etag}\"";

    /// <summary>
    /// The bare token of one header entity-tag: strips a weak prefix <c>W/</c> and the quotes; <c>*</c> stays
    /// <c>*</c>. Catalog ETags are strong, so a weak tag compares by its opaque part.
    /// </summary>
    public static string Parse(string headerValue)
    {
        var value = headerValue.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        return value;
    }
}
