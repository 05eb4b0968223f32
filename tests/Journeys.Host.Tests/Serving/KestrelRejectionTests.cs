using System.Text;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Serving;

/// <summary>
/// Issue 11: requests that Kestrel refuses itself, before any middleware runs (a percent-encoded NUL in the path, a
/// broken request line or header, a header block over the limits, a bad Host header), are answered with a problem
/// document like every other refusal, over a real socket because no HTTP client sends such requests.
/// </summary>
public sealed class KestrelRejectionTests
{
    private const string AdminKeyHeader = "x-api-key: " + ApiHost.AdminKey + "\r\n";

    public static TheoryData<string, int, string> RefusedRequests => new()
    {
        { "PUT /api/events/%00 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n" + AdminKeyHeader + "\r\n{}", 400, "INVALID_REQUEST_TARGET" },
        { "GET /api/events/a%00b?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "INVALID_REQUEST_TARGET" },
        { "GET /api/events/a\u00ffb HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "INVALID_REQUEST_TARGET" },
        { "GET /api/events/a\u0000b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "INVALID_REQUEST_LINE" },
        { "GET /api/events/a b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "INVALID_REQUEST_LINE" },
        { "GET /api/events HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", 400, "INVALID_REQUEST_LINE" },
        { "GET /api/events HTTP/1.1\r\nHost: local host\r\n\r\n", 400, "INVALID_HOST_HEADER" },
        { "GET /api/events HTTP/1.1\r\n\r\n", 400, "INVALID_HOST_HEADER" },
        { "GET /api/events HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n", 400, "INVALID_REQUEST_HEADER" },
        { "POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Length: -3\r\n\r\n", 400, "INVALID_CONTENT_LENGTH" },
        { "GET /api/events HTTP/1.2\r\nHost: localhost\r\n\r\n", 505, "HTTP_VERSION_NOT_SUPPORTED" },
        { "GET /api/events HTTP/1.1\r\nHost: localhost\r\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"X-Header-{i}: v\r\n")) + "\r\n", 431, "TOO_MANY_HEADERS" },
        { "GET /api/events HTTP/1.1\r\nHost: localhost\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n", 431, "HEADERS_TOO_LARGE" },
        { "GET /" + new string('a', 1_100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "URI_TOO_LONG" },
    };

    [Theory]
    [MemberData(nameof(RefusedRequests))]
    public async Task A_request_kestrel_refuses_before_the_pipeline_gets_a_problem_document(string request, int status, string code)
    {
        await using var api = await ApiHost.StartAsync();

        var response = Assert.Single(await RawHttp.SendAsync(api.Host.Addresses.Single(), request));

        var problem = response.Problem(status);
        Assert.Equal([code], problem.Codes());
        Assert.False(string.IsNullOrWhiteSpace((string)problem["errors"]![0]!["message"]!));
        Assert.Equal("close", response.Headers.GetValueOrDefault("Connection"));
    }

    [Fact]
    public async Task Responses_before_a_refused_request_on_the_same_connection_pass_through_unchanged()
    {
        await using var api = await ApiHost.StartAsync();
        using var expected = await api.Admin.GetAsync("/api/events/no-such-event");
        var expectedBody = await expected.Content.ReadAsStringAsync();

        var responses = await RawHttp.SendAsync(
            api.Host.Addresses.Single(),
            "GET /api/events/no-such-event HTTP/1.1\r\nHost: localhost\r\n" + AdminKeyHeader + "\r\n"
            + "GET /api/events/no-such-event HTTP/1.1\r\nHost: localhost\r\n" + AdminKeyHeader + "\r\n"
            + "GET /api/events/%00 HTTP/1.1\r\nHost: localhost\r\n" + AdminKeyHeader + "\r\n");

        Assert.Equal(3, responses.Count);
        Assert.All(responses.Take(2), r => Assert.Equal(((int)expected.StatusCode, expectedBody), (r.Status, r.Body)));
        Assert.Equal(["INVALID_REQUEST_TARGET"], responses[2].Problem(400).Codes());
    }

    [Fact]
    public async Task A_percent_sign_that_encodes_nothing_reaches_the_api_and_is_answered_there()
    {
        await using var api = await ApiHost.StartAsync();

        var response = Assert.Single(await RawHttp.SendAsync(
            api.Host.Addresses.Single(),
            "PUT /api/events/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n" + AdminKeyHeader + "\r\n{}"));

        Assert.Equal("application/problem+json", response.Headers.GetValueOrDefault("Content-Type"));
        Assert.InRange(response.Status, 400, 499);
    }

    [Fact]
    public async Task A_head_request_kestrel_refuses_keeps_its_body_less_answer()
    {
        await using var api = await ApiHost.StartAsync();

        var response = Assert.Single(await RawHttp.SendAsync(api.Host.Addresses.Single(), Encoding.ASCII.GetBytes("HEAD /api/events HTTP/1.1\r\nHost: local host\r\n\r\n")));

        Assert.Equal(400, response.Status);
        Assert.Equal(string.Empty, response.Body);
    }
}
