using System.Net.Http.Headers;

namespace Journeys.Runtime.Connectors;

/// <summary>The credentials of one call, read from configuration: at most one header and one query parameter.</summary>
internal readonly record struct ResolvedAuth(string? HeaderName, string? HeaderValue, string? QueryName, string? QueryValue)
{
    /// <summary>What a masked secret shows instead of its value.</summary>
    public const string Mask = "***";

    public static ResolvedAuth None => default;

    public void ApplyTo(HttpRequestMessage request)
    {
        if (HeaderName is null || HeaderValue is null)
        {
            return;
        }

        if (string.Equals(HeaderName, "Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = HeaderValue.IndexOf(' ', StringComparison.Ordinal);
            request.Headers.Authorization = space > 0
                ? new AuthenticationHeaderValue(HeaderValue[..space], HeaderValue[(space + 1)..])
                : new AuthenticationHeaderValue(HeaderValue);
            return;
        }

        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, HeaderValue);
    }
}
