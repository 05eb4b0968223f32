using System.Buffers;
using Journeys.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Journeys.Api.Http;

/// <summary>
/// Reads JSON request bodies under a size limit. The limit is checked against <c>Content-Length</c> first (a cheap
/// refusal before any byte is read) and again while reading, so a chunked body, which has no length, cannot bypass it.
/// </summary>
public static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    public static async Task<BodyRead> ReadJsonAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return BodyRead.Failed(NonUtf8Charset(request.ContentType) is { } charset
                ? Problems.Problems.UnsupportedCharset(charset)
                : Problems.Problems.UnsupportedMediaType());
        }

        if (request.ContentLength is { } length && length > limit)
        {
            return BodyRead.Failed(Problems.Problems.PayloadTooLarge(limit));
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(request.ContentLength ?? ChunkSize, 1, Math.Min(limit + 1, ChunkSize * 64)));
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(ChunkSize), cancellationToken);
                if (read == 0)
                {
                    return BodyRead.Success(buffer.WrittenMemory);
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return BodyRead.Failed(Problems.Problems.PayloadTooLarge(limit));
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own limit was lower than ours; the answer is the same.
            return BodyRead.Failed(Problems.Problems.PayloadTooLarge(limit));
        }
    }

    /// <summary>The declared charset of a JSON media type when it is not UTF-8; null otherwise.</summary>
    private static string? NonUtf8Charset(string? contentType)
    {
        return MediaTypeHeaderValue.TryParse(contentType, out var media)
            && IsJsonType(media.MediaType.Value ?? string.Empty)
            && media.Charset.Value is { Length: > 0 } charset
            && !IsUtf8(charset)
            ? charset
            : null;
    }

    /// <summary>
    /// JSON media types: <c>application/json</c>, <c>text/json</c> and <c>application/*+json</c>, in UTF-8 (the only
    /// charset JSON allows on the wire, RFC 8259). A missing Content-Type is taken as JSON: every route here reads
    /// JSON only, and refusing a bare <c>curl --data-binary</c> would help nobody.
    /// </summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var charset = media.Charset.Value;
        return IsJsonType(media.MediaType.Value ?? string.Empty) && (string.IsNullOrEmpty(charset) || IsUtf8(charset));
    }

    private static bool IsJsonType(string type) =>
        type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
        || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
