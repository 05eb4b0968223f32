using System.Net;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>An ingest body over its limit reaches no runtime (the 413s themselves: ManagementApiContract).</summary>
public sealed class BodyLimitTests
{
    private const int SmallLimit = 64 * 1024;

    [Fact]
    public async Task A_chunked_ingest_body_over_its_limit_is_413_and_nothing_is_routed()
    {
        await using var api = await ApiHost.StartAsync(o => o.Api.IngestBodyLimit = SmallLimit);
        using var response = await api.Ingest.PostAsync("/api/ingest", new ChunkedContent(PaddedJson.Bytes("[]", SmallLimit * 3)));
        await response.ProblemAsync(413);
        api.Runtime!.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_ingest_body_over_8_MiB_by_content_length_is_413_and_nothing_is_routed()
    {
        await using var api = await ApiHost.StartAsync();
        using var content = new ByteArrayContent(PaddedJson.Bytes("[]", (8 * 1024 * 1024) + 1));
        content.Headers.ContentType = new("application/json");
        using var response = await api.Ingest.PostAsync("/api/ingest", content);
        await response.ProblemAsync(413);
        api.Runtime!.VerifyNoOtherCalls();
    }
}
