using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

public sealed class ActionTemplateTests
{
    private static CustomAction Templated(LoopbackServer server) => new()
    {
        Method = "POST",
        Url = server.Url("users/{{params.userId}}/send"),
        Headers = new Dictionary<string, string> { ["x-campaign"] = "cart-{{params.total}}" },
        Query = new Dictionary<string, string> { ["to"] = "{{params.email}}" },
        Params = new Dictionary<string, FieldType>
        {
            ["userId"] = FieldType.String,
            ["email"] = FieldType.String,
            ["total"] = FieldType.Number,
            ["vip"] = FieldType.Boolean,
        },
        Body = ConnectorHarness.Params("""{"to":"{{params.email}}","subject":"You left {{params.total}} EUR behind","total":"{{params.total}}","vip":"{{params.vip}}","fixed":[1,"a"]}"""),
    };

    private const string Parameters = """{"userId":"u-7","email":"ann+1@example.com","total":42.5,"vip":true}""";

    [Fact]
    public async Task Url_header_query_and_body_are_rendered_from_params()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        var outcome = await harness.Actions.InvokeAsync("send", Templated(server), ConnectorHarness.Params(Parameters), "k-1", CancellationToken.None);

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/users/u-7/send?to=ann%2B1%40example.com", request.PathAndQuery);
        Assert.Equal("cart-42.5", request.Header("x-campaign"));
        Assert.Equal("""{"to":"ann+1@example.com","subject":"You left 42.5 EUR behind","total":42.5,"vip":true,"fixed":[1,"a"]}""", request.Body);
    }

    [Fact]
    public async Task The_same_definition_renders_each_call_with_its_own_params()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = Templated(server);

        await harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params(Parameters), "k-1", CancellationToken.None);
        await harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params("""{"userId":"u-8","email":"bob@example.com","total":3,"vip":false}"""), "k-2", CancellationToken.None);

        Assert.Equal(["/users/u-7/send?to=ann%2B1%40example.com", "/users/u-8/send?to=bob%40example.com"], server.Requests.Select(request => request.PathAndQuery));
        Assert.Contains("\"vip\":false", server.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_param_in_the_url_path_is_escaped_so_it_cannot_change_the_path_or_add_a_query()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();

        await harness.Actions.InvokeAsync("send", Templated(server), ConnectorHarness.Params("""{"userId":"../admin?x=1 #","email":"a@b.c","total":1,"vip":false}"""), "k-1", CancellationToken.None);

        Assert.Equal("/users/..%2Fadmin%3Fx%3D1%20%23/send?to=a%40b.c", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task A_template_reading_an_undeclared_param_is_a_template_error_without_a_call()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness();
        var action = Templated(server);
        action.Body = ConnectorHarness.Params("""{"to":"{{params.emial}}"}""");

        var outcome = await harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params(Parameters), "k-1", CancellationToken.None);

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.TemplateInvalid, outcome.ErrorCode);
        Assert.Contains("body", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task An_unclosed_placeholder_in_the_url_is_a_template_error()
    {
        using var harness = new ConnectorHarness();
        var action = new CustomAction { Method = "GET", Url = "http://127.0.0.1:1/{{params.userId", Params = new Dictionary<string, FieldType> { ["userId"] = FieldType.String } };

        var outcome = await harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params(Parameters), "k-1", CancellationToken.None);

        Assert.Equal(ConnectorErrorCodes.TemplateInvalid, outcome.ErrorCode);
        Assert.Contains("url", outcome.ErrorMessage, StringComparison.Ordinal);
    }
}
