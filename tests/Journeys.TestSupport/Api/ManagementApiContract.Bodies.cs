using System.Net;
using System.Text;

namespace Journeys.TestSupport.Api;

/// <summary>Request bodies: 413 over the limits (by Content-Length and counted while reading a chunked body), 415, and ingest bodies the contract refuses.</summary>
public abstract partial class ManagementApiContract
{
    private const int SmallLimit = 64 * 1024;

    [Fact]
    public async Task A_configuration_body_over_1_MiB_by_content_length_is_413()
    {
        await using var api = await StartAsync();
        using var content = new ByteArrayContent(PaddedJson.Bytes(SampleFiles.Read("events/cart.abandoned.json"), (1024 * 1024) + 1));
        content.Headers.ContentType = new("application/json");
        using var response = await api.Admin.PutAsync("/api/events/cart.abandoned", content);
        Assert.Equal(["PAYLOAD_TOO_LARGE"], (await response.ProblemAsync(413)).Codes());
    }

    [Fact]
    public async Task A_chunked_configuration_body_is_counted_exactly_at_the_limit_accepted_and_one_byte_over_413()
    {
        await using var api = await StartAsync(o => o.ConfigurationBodyLimit = SmallLimit);
        var body = SampleFiles.Read("events/cart.abandoned.json");

        using var atLimit = await api.Admin.PutAsync("/api/events/cart.abandoned", new ChunkedContent(PaddedJson.Bytes(body, SmallLimit)));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);

        using var over = await api.Admin.PutAsync("/api/events/cart.abandoned", new ChunkedContent(PaddedJson.Bytes(body, SmallLimit + 1)));
        Assert.Equal(["PAYLOAD_TOO_LARGE"], (await over.ProblemAsync(413)).Codes());
    }

    [Fact]
    public async Task A_chunked_ingest_body_over_its_limit_is_413()
    {
        await using var api = await StartAsync(o => o.IngestBodyLimit = SmallLimit);
        using var response = await api.Ingest.PostAsync("/api/ingest", new ChunkedContent(PaddedJson.Bytes("[]", SmallLimit * 3)));
        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task An_ingest_body_over_8_MiB_by_content_length_is_413()
    {
        await using var api = await StartAsync();
        using var content = new ByteArrayContent(PaddedJson.Bytes("[]", (8 * 1024 * 1024) + 1));
        content.Headers.ContentType = new("application/json");
        using var response = await api.Ingest.PostAsync("/api/ingest", content);
        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task A_single_event_with_a_duplicate_property_gets_an_error_result_and_matches_nothing()
    {
        await using var api = await StartAsync();

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json("""{ "id": "e1", "type": "cart.abandoned", "type": "order.placed" }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'type'", (string)(await response.JsonAsync())["results"]![0]!["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_beyond_the_depth_limit_is_refused_with_a_message_naming_the_limit()
    {
        await using var api = await StartAsync();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 70)) + "1" + new string('}', 70);

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json(deep));

        var problem = await response.ProblemAsync(400);
        var message = (string)problem["errors"]![0]!["message"]!;
        Assert.Contains("64", message, StringComparison.Ordinal);
        Assert.Contains("deep", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_byte_order_mark_is_refused_with_a_message_saying_so()
    {
        await using var api = await StartAsync();
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{ "id": "e1" }""")]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await api.Ingest.PostAsync("/api/ingest", content);

        var problem = await response.ProblemAsync(400);
        Assert.Contains("byte order mark", (string)problem["errors"]![0]!["message"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_json_body_in_another_charset_is_415_naming_the_charset()
    {
        await using var api = await StartAsync();
        using var content = new StringContent("""{ "id": "e1" }""", Encoding.Latin1, "application/json");

        using var response = await api.Ingest.PostAsync("/api/ingest", content);

        var problem = await response.ProblemAsync(415);
        var message = (string)problem["errors"]![0]!["message"]!;
        Assert.Contains("iso-8859-1", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("utf-8", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_empty_array_returns_no_results()
    {
        await using var api = await StartAsync();
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Responses.SameJson("""{ "results": [] }""", await response.JsonAsync()));
    }

    [Theory]
    [InlineData("""{ "id": """)]
    [InlineData("""{ "id": "a" } { "id": "b" }""")]
    [InlineData("")]
    public async Task Malformed_json_is_400(string body)
    {
        await using var api = await StartAsync();
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json(body));
        Assert.Equal(["JSON_MALFORMED"], (await response.ProblemAsync(400)).Codes());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"cart.abandoned\"")]
    [InlineData("null")]
    public async Task A_body_that_is_neither_an_object_nor_an_array_is_400(string body)
    {
        await using var api = await StartAsync();
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json(body));
        Assert.Equal(["INGEST_BODY_INVALID"], (await response.ProblemAsync(400)).Codes());
    }

    [Fact]
    public async Task More_events_than_the_limit_is_413()
    {
        await using var api = await StartAsync(o => o.MaxEventsPerRequest = 3);
        using var response = await api.Ingest.PostAsync("/api/ingest", ApiUnderTest.Json("[{},{},{},{}]"));
        Assert.Equal(["TOO_MANY_EVENTS"], (await response.ProblemAsync(413)).Codes());
    }
}
