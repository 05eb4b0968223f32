namespace Journeys.TestSupport.Api;

/// <summary>A JSON body without a length, so HttpClient sends it with chunked transfer encoding (no Content-Length).</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] bytes;

    public ChunkedContent(byte[] bytes)
    {
        this.bytes = bytes;
        Headers.ContentType = new("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        for (var offset = 0; offset < bytes.Length; offset += 8192)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(8192, bytes.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
