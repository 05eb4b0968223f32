using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

public sealed class ActionInvokerTests
{
    private const string Key = "instance-1:send:1";

    private static CustomAction Action(LoopbackServer server, int maxRetries = 0, int timeoutMs = 5000, string path = "send") => new()
    {
        Method = "POST",
        Url = server.Url(path),
        Headers = new Dictionary<string, string> { ["x-campaign"] = "cart" },
        Body = ConnectorHarness.Params("""{"to":"ann@example.com","n":2}"""),
        TimeoutMs = timeoutMs,
        MaxRetries = maxRetries,
    };

    private static Task<ActionOutcome> Invoke(ConnectorHarness harness, CustomAction action, string actionId = "send-email") =>
        harness.Actions.InvokeAsync(actionId, action, ConnectorHarness.Params(), Key, CancellationToken.None);

    [Fact]
    public async Task A_2xx_answer_is_ok_with_the_parsed_body_and_the_request_carries_body_headers_and_key()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"messageId":"m-1"}"""));
        using var harness = new ConnectorHarness();
        var action = Action(server);
        action.ResponseFields = new Dictionary<string, FieldType> { ["messageId"] = FieldType.String };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("m-1", outcome.Body!.Value.GetProperty("messageId").GetString());
        Assert.Equal(1, outcome.Attempts);
        Assert.Null(outcome.ErrorCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/send", request.PathAndQuery);
        Assert.Equal("""{"to":"ann@example.com","n":2}""", request.Body);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("cart", request.Header("x-campaign"));
        Assert.Equal(Key, request.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_500_is_retried_and_a_later_2xx_makes_the_call_ok()
    {
        await using var server = LoopbackServer.Start((_, n) => n < 3 ? ScriptedReply.Status(500) : ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 3));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Every_attempt_carries_the_same_idempotency_key()
    {
        await using var server = LoopbackServer.Start((_, n) => n < 3 ? ScriptedReply.Status(503) : ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        await Invoke(harness, Action(server, maxRetries: 3));

        Assert.Equal([Key, Key, Key], server.Requests.Select(request => request.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task A_500_on_every_attempt_ends_as_error_after_max_retries_plus_one_attempts()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"error":"boom"}""", 500));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 2));

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal(ConnectorErrorCodes.HttpStatus, outcome.ErrorCode);
        Assert.Equal("boom", outcome.Body!.Value.GetProperty("error").GetString());
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, server.RequestCount);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Client_errors_are_never_retried(int status)
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Status(status));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 3));

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(status, outcome.StatusCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(502)]
    public async Task Request_timeout_too_many_requests_and_bad_gateway_are_retried(int status)
    {
        await using var server = LoopbackServer.Start((_, n) => n == 1 ? ScriptedReply.Status(status) : ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 1));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_that_long_before_the_next_attempt()
    {
        var retryAfterOneSecond = new ScriptedReply { StatusCode = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } };
        await using var server = LoopbackServer.Start((_, n) => n == 1 ? retryAfterOneSecond : ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 1));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        var requests = server.Requests;
        Assert.True(requests[1].ArrivedAtMs - requests[0].ArrivedAtMs >= 950, $"second attempt came after {requests[1].ArrivedAtMs - requests[0].ArrivedAtMs} ms");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_is_shortened_to_the_cap()
    {
        var retryAfterAnHour = new ScriptedReply { StatusCode = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "3600" } };
        await using var server = LoopbackServer.Start((_, n) => n == 1 ? retryAfterAnHour : ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness(configure: options => options.MaxRetryAfter = TimeSpan.FromMilliseconds(50));

        var outcome = await Invoke(harness, Action(server, maxRetries: 1));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(outcome.LatencyMs < 30_000, $"took {outcome.LatencyMs} ms");
    }

    [Fact]
    public async Task An_attempt_that_exceeds_its_timeout_is_retried_and_the_last_timeout_makes_the_call_timedout()
    {
        await using var server = LoopbackServer.Always(new ScriptedReply { Body = "{}", Delay = TimeSpan.FromSeconds(5) });
        using var harness = new ConnectorHarness();

        // 1 s per attempt, so that each request reaches the server before its timeout even on a busy machine.
        var outcome = await Invoke(harness, Action(server, maxRetries: 1, timeoutMs: 1_000));

        Assert.Equal(ActionStatus.TimedOut, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.Timeout, outcome.ErrorCode);
        Assert.Null(outcome.StatusCode);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, server.RequestCount);
        Assert.True(outcome.LatencyMs < 5_000, $"took {outcome.LatencyMs} ms: the timeout did not cut the attempts"); // One uncut attempt alone takes 5 s.
    }

    [Fact]
    public async Task A_timeout_followed_by_an_answer_is_ok()
    {
        await using var server = LoopbackServer.Start((_, n) => n == 1 ? new ScriptedReply { Body = "{}", Delay = TimeSpan.FromSeconds(5) } : ScriptedReply.Json("""{"ok":true}"""));
        using var harness = new ConnectorHarness();

        // 1 s per attempt: the prompt second answer must fit in it even on a busy CI machine.
        var outcome = await Invoke(harness, Action(server, maxRetries: 1, timeoutMs: 1_000));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task A_slow_answer_within_the_timeout_is_ok_in_one_attempt()
    {
        await using var server = LoopbackServer.Always(new ScriptedReply { Body = """{"messageId":"slow"}""", Delay = TimeSpan.FromMilliseconds(300) });
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 2, timeoutMs: 10_000));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(1, outcome.Attempts);
        // The server holds its answer for at least 300 ms on the monotonic clock, after the request was sent.
        Assert.True(outcome.LatencyMs >= 300, $"took {outcome.LatencyMs} ms");
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var server = LoopbackServer.Start((_, n) => n == 1 ? ScriptedReply.Drop : ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 2));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_connection_dropped_on_every_attempt_is_an_error_without_status()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Drop);
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 1));

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.ConnectionFailed, outcome.ErrorCode);
        Assert.Null(outcome.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Malformed_json_is_an_error_when_response_fields_are_declared()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"messageId": "m-1" """));
        using var harness = new ConnectorHarness();
        var action = Action(server);
        action.ResponseFields = new Dictionary<string, FieldType> { ["messageId"] = FieldType.String };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.ResponseMalformed, outcome.ErrorCode);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_non_json_answer_without_declared_fields_is_ok_with_the_text_as_body()
    {
        await using var server = LoopbackServer.Always(new ScriptedReply { Body = "queued", ContentType = "text/plain" });
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(JsonValueKind.String, outcome.Body!.Value.ValueKind);
        Assert.Equal("queued", outcome.Body.Value.GetString());
    }

    [Fact]
    public async Task A_declared_field_of_another_type_is_an_error()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"messageId":42}"""));
        using var harness = new ConnectorHarness();
        var action = Action(server);
        action.ResponseFields = new Dictionary<string, FieldType> { ["messageId"] = FieldType.String };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.ResponseFieldType, outcome.ErrorCode);
        Assert.Contains("messageId", outcome.ErrorMessage);
    }

    [Fact]
    public async Task Declared_fields_that_are_absent_or_null_are_accepted()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"queuedAt":null}"""));
        using var harness = new ConnectorHarness();
        var action = Action(server);
        action.ResponseFields = new Dictionary<string, FieldType> { ["messageId"] = FieldType.String, ["queuedAt"] = FieldType.DateTime };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ActionStatus.Ok, outcome.Status);
    }

    [Fact]
    public async Task An_empty_body_is_a_null_body()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Status(204));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server));

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(204, outcome.StatusCode);
        Assert.Null(outcome.Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_size_limit_is_an_error_and_not_retried(bool chunked)
    {
        var huge = "{\"pad\":\"" + new string('x', 200_000) + "\"}";
        await using var server = LoopbackServer.Always(new ScriptedReply { Body = huge, Chunked = chunked });
        using var harness = new ConnectorHarness(configure: options => options.MaxResponseBytes = 64 * 1024);

        var outcome = await Invoke(harness, Action(server, maxRetries: 2));

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.ResponseTooLarge, outcome.ErrorCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        var redirect = new ScriptedReply { StatusCode = 302, Headers = new Dictionary<string, string> { ["Location"] = "http://127.0.0.1:1/elsewhere" } };
        await using var server = LoopbackServer.Always(redirect);
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Action(server, maxRetries: 2));

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(302, outcome.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Query_values_are_appended_escaped()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = Action(server, path: "send?v=1");
        action.Query = new Dictionary<string, string> { ["list"] = "spring sale&more" };

        await Invoke(harness, action);

        Assert.Equal("/send?v=1&list=spring%20sale%26more", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_get_action_without_body_sends_no_content()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = new CustomAction { Method = "GET", Url = server.Url("ping") };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(string.Empty, request.Body);
        Assert.Null(request.Header("Content-Type"));
    }

    [Fact]
    public async Task Cap_per_minute_returns_capped_without_calling_and_frees_up_in_the_next_minute()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 10, 0, 5, TimeSpan.Zero));
        using var harness = new ConnectorHarness(clock: clock);
        var action = Action(server);
        action.CapPerMinute = 2;

        var first = await Invoke(harness, action);
        var second = await Invoke(harness, action);
        var third = await Invoke(harness, action);
        clock.Advance(TimeSpan.FromMinutes(1));
        var nextMinute = await Invoke(harness, action);

        Assert.Equal([ActionStatus.Ok, ActionStatus.Ok, ActionStatus.Capped, ActionStatus.Ok], new[] { first.Status, second.Status, third.Status, nextMinute.Status });
        Assert.Equal(0, third.Attempts);
        Assert.Equal(ConnectorErrorCodes.Capped, third.ErrorCode);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task The_cap_is_counted_per_action_id()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness(clock: new ManualClock(new DateTimeOffset(2026, 3, 1, 10, 0, 5, TimeSpan.Zero)));
        var action = Action(server);
        action.CapPerMinute = 1;

        var first = await Invoke(harness, action, "send-email");
        var other = await Invoke(harness, action, "send-sms");
        var again = await Invoke(harness, action, "send-email");

        Assert.Equal([ActionStatus.Ok, ActionStatus.Ok, ActionStatus.Capped], new[] { first.Status, other.Status, again.Status });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("TRACE")]
    public async Task A_definition_without_url_or_with_an_unsupported_method_is_an_error_without_a_call(string? method)
    {
        using var harness = new ConnectorHarness();
        var action = new CustomAction { Method = method ?? "POST", Url = method is null ? null : "http://127.0.0.1:1/x" };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.DefinitionInvalid, outcome.ErrorCode);
        Assert.Equal(0, outcome.Attempts);
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = Action(server);
        action.Headers = new Dictionary<string, string> { ["x-campaign"] = "cart\r\nx-injected: 1" };

        var outcome = await Invoke(harness, action);

        Assert.Equal(ConnectorErrorCodes.HeaderInvalid, outcome.ErrorCode);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_relative_url_is_an_error()
    {
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, new CustomAction { Method = "POST", Url = "/send" });

        Assert.Equal(ConnectorErrorCodes.UrlInvalid, outcome.ErrorCode);
    }

    [Fact]
    public async Task The_result_object_is_status_status_code_and_body()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"messageId":"m-9"}""", 202));
        using var harness = new ConnectorHarness();
        var outcome = await Invoke(harness, Action(server));

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            outcome.WriteResult(writer);
        }

        Assert.Equal("""{"status":"ok","statusCode":202,"body":{"messageId":"m-9"}}""", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_instead_of_producing_an_outcome()
    {
        await using var server = LoopbackServer.Always(new ScriptedReply { Body = "{}", Delay = TimeSpan.FromSeconds(5) });
        using var harness = new ConnectorHarness();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.Actions.InvokeAsync("send-email", Action(server, maxRetries: 2), ConnectorHarness.Params(), Key, cancellation.Token));
    }
}
