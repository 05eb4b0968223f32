using System.Text.Json;
using Journeys.Core.Model;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

public sealed class DataSourceClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static DataSource Loyalty(LoopbackServer server, int? cacheSeconds = 300, int? rateLimitPerSecond = null, int timeoutMs = 5000, string method = "GET") => new()
    {
        BaseUrl = server.BaseUri.ToString().TrimEnd('/'),
        TimeoutMs = timeoutMs,
        RateLimitPerSecond = rateLimitPerSecond,
        FieldGroups = new Dictionary<string, FieldGroup>
        {
            ["tier"] = new()
            {
                Method = method,
                Path = "/members/{profile.id}",
                CacheSeconds = cacheSeconds,
                Fields = new Dictionary<string, FieldType>
                {
                    ["tier"] = FieldType.String,
                    ["points"] = FieldType.Number,
                    ["since.date"] = FieldType.DateTime,
                },
            },
        },
    };

    private const string Member = """{"tier":"gold","points":1200,"email":"ann@example.com","since":{"date":"2020-05-01T00:00:00Z","store":"Lyon"}}""";

    private static Task<DataFetchOutcome> Fetch(ConnectorHarness harness, DataSource source, string path = "/members/p-1") =>
        harness.DataSources.FetchAsync("loyalty", source, "tier", path, CancellationToken.None);

    [Fact]
    public async Task A_fetch_keeps_only_the_declared_fields_nested_by_their_dotted_paths()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness();

        var outcome = await Fetch(harness, Loyalty(server));

        Assert.True(outcome.Ok, outcome.Error);
        Assert.Equal(200, outcome.StatusCode);
        Assert.False(outcome.FromCache);
        Assert.Equal("""{"points":1200,"since":{"date":"2020-05-01T00:00:00Z"},"tier":"gold"}""", outcome.Body.GetRawText());
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/members/p-1", request.PathAndQuery);
    }

    [Fact]
    public async Task A_cached_response_is_served_until_cache_seconds_pass()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        var clock = new ManualClock(Start);
        using var harness = new ConnectorHarness(clock: clock);
        var source = Loyalty(server, cacheSeconds: 300);

        var miss = await Fetch(harness, source);
        clock.Advance(TimeSpan.FromSeconds(299));
        var hit = await Fetch(harness, source);
        clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await Fetch(harness, source);

        Assert.False(miss.FromCache);
        Assert.True(hit.FromCache);
        Assert.Equal(miss.Body.GetRawText(), hit.Body.GetRawText());
        Assert.False(expired.FromCache);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task The_cache_is_per_path()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness(clock: new ManualClock(Start));
        var source = Loyalty(server);

        await Fetch(harness, source, "/members/p-1");
        var other = await Fetch(harness, source, "/members/p-2");

        Assert.False(other.FromCache);
        Assert.Equal(["/members/p-1", "/members/p-2"], server.Requests.Select(request => request.PathAndQuery));
    }

    [Fact]
    public async Task Without_cache_seconds_every_fetch_calls()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness(clock: new ManualClock(Start));
        var source = Loyalty(server, cacheSeconds: null);

        await Fetch(harness, source);
        await Fetch(harness, source);

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        await using var server = LoopbackServer.Start((_, n) => n == 1 ? ScriptedReply.Status(404) : ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness(clock: new ManualClock(Start));
        var source = Loyalty(server);

        var notFound = await Fetch(harness, source);
        var found = await Fetch(harness, source);

        Assert.False(notFound.Ok);
        Assert.Equal(404, notFound.StatusCode);
        Assert.Equal(ConnectorErrorCodes.HttpStatus, notFound.ErrorCode);
        Assert.Equal(1, notFound.Attempts);
        Assert.True(found.Ok);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_5xx_is_retried_twice()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Status(500));
        using var harness = new ConnectorHarness();

        var outcome = await Fetch(harness, Loyalty(server));

        Assert.False(outcome.Ok);
        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_slow_source_times_out_per_attempt()
    {
        await using var server = LoopbackServer.Always(new ScriptedReply { Body = Member, Delay = TimeSpan.FromSeconds(5) });
        using var harness = new ConnectorHarness(configure: options => options.DataSourceMaxRetries = 0);

        // 1 s, not less: the request must reach the server before the attempt's (real-time) timeout, even on a busy
        // machine; the 5 s answer never fits.
        var outcome = await Fetch(harness, Loyalty(server, timeoutMs: 1_000));

        Assert.False(outcome.Ok);
        Assert.Equal(ConnectorErrorCodes.Timeout, outcome.ErrorCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_declared_field_of_another_type_is_an_error()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"tier":"gold","points":"many"}"""));
        using var harness = new ConnectorHarness();

        var outcome = await Fetch(harness, Loyalty(server));

        Assert.False(outcome.Ok);
        Assert.Equal(ConnectorErrorCodes.ResponseFieldType, outcome.ErrorCode);
        Assert.Contains("points", outcome.Error);
    }

    [Fact]
    public async Task Malformed_json_is_an_error()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"tier": """));
        using var harness = new ConnectorHarness();

        var outcome = await Fetch(harness, Loyalty(server));

        Assert.Equal(ConnectorErrorCodes.ResponseMalformed, outcome.ErrorCode);
    }

    [Fact]
    public async Task Post_sends_an_empty_json_object()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness();

        await Fetch(harness, Loyalty(server, method: "POST"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("{}", request.Body);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
    }

    [Fact]
    public async Task An_unknown_group_is_an_error_without_a_call()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness();

        var outcome = await harness.DataSources.FetchAsync("loyalty", Loyalty(server), "tiers", "/members/p-1", CancellationToken.None);

        Assert.Equal(ConnectorErrorCodes.DefinitionInvalid, outcome.ErrorCode);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Beyond_the_rate_limit_a_fetch_that_cannot_get_a_slot_within_the_timeout_is_rate_limited()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        var clock = new ManualClock(Start);
        using var harness = new ConnectorHarness(clock: clock);
        // One request per second: once the first has its slot, the next comes free 1 s later, beyond the 900 ms
        // timeout. 900 ms is also each HTTP attempt's (real-time) timeout, which a busy machine must not reach.
        var source = Loyalty(server, cacheSeconds: null, rateLimitPerSecond: 1, timeoutMs: 900);

        var first = await Fetch(harness, source);
        var second = await Fetch(harness, source);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterRefill = await Fetch(harness, source);

        Assert.True(first.Ok);
        Assert.False(second.Ok);
        Assert.Equal(ConnectorErrorCodes.RateLimited, second.ErrorCode);
        Assert.True(afterRefill.Ok);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Beyond_the_rate_limit_a_fetch_waits_for_its_slot_when_it_comes_within_the_timeout()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json(Member));
        using var harness = new ConnectorHarness(clock: new ManualClock(Start));
        var source = Loyalty(server, cacheSeconds: null, rateLimitPerSecond: 2, timeoutMs: 5000);

        await Fetch(harness, source);
        await Fetch(harness, source);
        var third = await Fetch(harness, source);

        Assert.True(third.Ok);
        var requests = server.Requests;
        // Two tokens per second: the third request's token is half a second away.
        Assert.True(requests[2].ArrivedAtMs - requests[1].ArrivedAtMs >= 450, $"third came {requests[2].ArrivedAtMs - requests[1].ArrivedAtMs} ms after the second");
    }

    [Fact]
    public async Task A_group_without_declared_fields_keeps_the_whole_body()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"a":[1,2]}"""));
        using var harness = new ConnectorHarness();
        var source = new DataSource
        {
            BaseUrl = server.BaseUri.ToString(),
            FieldGroups = new Dictionary<string, FieldGroup> { ["raw"] = new() { Path = "/raw" } },
        };

        var outcome = await harness.DataSources.FetchAsync("raw-source", source, "raw", "raw", CancellationToken.None);

        Assert.True(outcome.Ok);
        Assert.Equal(JsonValueKind.Array, outcome.Body.GetProperty("a").ValueKind);
        Assert.Equal("/raw", Assert.Single(server.Requests).PathAndQuery);
    }
}
