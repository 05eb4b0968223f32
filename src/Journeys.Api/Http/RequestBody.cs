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
            return BodyRead.Failed(Problems.Problems.UnsupportedMediaType());
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

        var type = media.MediaType.Value ?? string.Empty;
        var isJsonType = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return isJsonType && (string.IsNullOrEmpty(charset)
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
