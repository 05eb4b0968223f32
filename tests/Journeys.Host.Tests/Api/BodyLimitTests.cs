using System.Net;
using System.Text;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>413 for bodies over the limit, told by Content-Length and by counting a chunked body while reading it.</summary>
public sealed class BodyLimitTests
{
    private const int SmallLimit = 64 * 1024;

    [Fact]
    public async Task A_configuration_body_over_1_MiB_by_content_length_is_413()
    {
        await using var api = await ApiHost.StartAsync();
        using var content = new ByteArrayContent(Padded(Samples.Read("events/cart.abandoned.json"), (1024 * 1024) + 1));
        content.Headers.ContentType = new("application/json");
        using var response = await api.Admin.PutAsync("/api/events/cart.abandoned", content);
        Assert.Equal(["PAYLOAD_TOO_LARGE"], (await response.ProblemAsync(413)).Codes());
    }

    [Fact]
    public async Task A_chunked_configuration_body_is_counted_exactly_at_the_limit_accepted_and_one_byte_over_413()
    {
        await using var api = await ApiHost.StartAsync(o => o.Api.ConfigurationBodyLimit = SmallLimit);
        var body = Samples.Read("events/cart.abandoned.json");

        using var atLimit = await api.Admin.PutAsync("/api/events/cart.abandoned", new ChunkedContent(Padded(body, SmallLimit)));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);

        using var over = await api.Admin.PutAsync("/api/events/cart.abandoned", new ChunkedContent(Padded(body, SmallLimit + 1)));
        Assert.Equal(["PAYLOAD_TOO_LARGE"], (await over.ProblemAsync(413)).Codes());
    }

    [Fact]
    public async Task A_chunked_ingest_body_over_its_limit_is_413_and_nothing_is_routed()
    {
        await using var api = await ApiHost.StartAsync(o => o.Api.IngestBodyLimit = SmallLimit);
        using var response = await api.Ingest.PostAsync("/api/ingest", new ChunkedContent(Padded("[]", SmallLimit * 3)));
        await response.ProblemAsync(413);
        api.Runtime!.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_ingest_body_over_8_MiB_by_content_length_is_413()
    {
        await using var api = await ApiHost.StartAsync();
        using var content = new ByteArrayContent(Padded("[]", (8 * 1024 * 1024) + 1));
        content.Headers.ContentType = new("application/json");
        using var response = await api.Ingest.PostAsync("/api/ingest", content);
        await response.ProblemAsync(413);
        api.Runtime!.VerifyNoOtherCalls();
    }

    /// <summary>The JSON followed by spaces up to exactly <paramref name="size"/> bytes (trailing whitespace is valid JSON).</summary>
    private static byte[] Padded(string json, int size)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var padded = new byte[size];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        return padded;
    }

    /// <summary>A body without a length, so HttpClient sends it with chunked transfer encoding.</summary>
    private sealed class ChunkedContent : HttpContent
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
}
