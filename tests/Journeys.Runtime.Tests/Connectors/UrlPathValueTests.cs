using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

/// <summary>
/// Issue 11 item 2: a template value never changes the structure of a URL's path. A value that would make a '.' or
/// '..' segment (which clients, System.Uri included, resolve away) is refused before any request is sent; any other
/// value is inserted as data, so '/', '?', '#' and encoded dots stay inside their segment.
/// </summary>
public sealed class UrlPathValueTests
{
    private static CustomAction Hook(LoopbackServer server) => new()
    {
        Method = "POST",
        Url = server.BaseUri + "hook/{{params.v}}/tail?q={{params.q}}",
        Params = new Dictionary<string, FieldType> { ["v"] = FieldType.String, ["q"] = FieldType.String },
        MaxRetries = 0,
    };

    private static Task<ActionOutcome> Invoke(ConnectorHarness harness, CustomAction action, string v, string q = "x") =>
        harness.Actions.InvokeAsync("hook", action, ConnectorHarness.Params($$"""{ "v": {{System.Text.Json.JsonSerializer.Serialize(v)}}, "q": {{System.Text.Json.JsonSerializer.Serialize(q)}} }"""), "k-1", CancellationToken.None);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task An_action_url_value_that_would_be_a_dot_segment_is_refused_and_nothing_is_sent(string value)
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Hook(server), value);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.UrlPathSegment, outcome.ErrorCode);
        Assert.Contains("'.' or '..'", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("%2E%2E", "/hook/%252E%252E/tail")]
    [InlineData("%2e.", "/hook/%252e./tail")]
    [InlineData("a/../b", "/hook/a%2F..%2Fb/tail")]
    [InlineData("x?y#z", "/hook/x%3Fy%23z/tail")]
    [InlineData("...", "/hook/.../tail")]
    [InlineData("..a", "/hook/..a/tail")]
    public async Task Any_other_action_url_value_stays_inside_its_segment(string value, string expectedPath)
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Hook(server), value);

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal(expectedPath + "?q=x", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_dot_dot_value_in_the_query_is_data_and_is_sent()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await Invoke(harness, Hook(server), "v", q: "..");

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal("/hook/v/tail?q=..", Assert.Single(server.Requests).PathAndQuery);
    }

    [Theory]
    [InlineData("/members/..")]
    [InlineData("/members/.")]
    [InlineData("/members/%2E%2E")]
    [InlineData("/members/.%2e/x")]
    public async Task A_data_source_path_with_a_dot_segment_is_refused_and_its_key_is_sent_nowhere(string renderedPath)
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{ "tier": "gold" }"""));
        using var harness = new ConnectorHarness(new Dictionary<string, string?> { ["Journeys:Secrets:LOYALTY_KEY"] = "secret" });
        var source = new DataSource
        {
            BaseUrl = server.BaseUri + "api",
            Auth = new AuthConfig { Type = AuthType.ApiKey, Header = "x-api-key", SecretSetting = "LOYALTY_KEY" },
            FieldGroups = new Dictionary<string, FieldGroup> { ["tier"] = new() { Method = "GET", Path = "/members/{profile.id}" } },
        };

        var outcome = await harness.DataSources.FetchAsync("loyalty", source, "tier", renderedPath, CancellationToken.None);

        Assert.False(outcome.Ok);
        Assert.Equal(ConnectorErrorCodes.UrlPathSegment, outcome.ErrorCode);
        Assert.Contains("'.' or '..'", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("hook/{{params.v}}/tail")]
    [InlineData("hook/{{params.v}}")]
    [InlineData("hook/{{params.v}}{{params.v}}/tail?q={{params.q}}")]
    public async Task An_empty_action_url_value_that_is_a_whole_path_segment_is_refused_and_nothing_is_sent(string path)
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = Hook(server);
        action.Url = server.BaseUri + path;

        var outcome = await Invoke(harness, action, string.Empty);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.UrlPathSegment, outcome.ErrorCode);
        Assert.Contains("'params.v' is empty", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task An_empty_value_beside_other_text_in_its_segment_or_in_the_query_is_sent()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = Hook(server);
        action.Url = server.BaseUri + "hook/x{{params.v}}/tail?q={{params.q}}";

        var outcome = await Invoke(harness, action, string.Empty, q: string.Empty);

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal("/hook/x/tail?q=", Assert.Single(server.Requests).PathAndQuery);
    }
}
