using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

/// <summary>
/// Issue 11 item 6: an HTTP/1.0 downstream (Python's http.server by default) closes every connection after its
/// response without saying so in a header. The pooled client kept such connections and sent the next call on one the
/// server was closing, which failed with "The response ended prematurely". A healthy HTTP/1.0 server gets every call,
/// on the first attempt (no retries here to hide a failure).
/// </summary>
public sealed class Http10DownstreamTests
{
    private static readonly ScriptedReply Http10 = new() { Body = """{ "messageId": "m" }""", Http10CloseAfter = TimeSpan.FromMilliseconds(150) };

    private static CustomAction Action(LoopbackServer server) => new() { Method = "POST", Url = server.Url("send"), Body = ConnectorHarness.Params("""{ "a": 1 }"""), MaxRetries = 0 };

    [Fact]
    public async Task Calls_one_after_another_each_reach_an_http10_server_on_the_first_attempt()
    {
        await using var server = LoopbackServer.Always(Http10);
        using var harness = new ConnectorHarness();
        var action = Action(server);

        var failures = new List<string>();
        for (var call = 0; call < 12; call++)
        {
            var outcome = await harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params(), $"k-{call}", CancellationToken.None);
            if (outcome.Status != ActionStatus.Ok)
            {
                failures.Add($"call {call}: {outcome.ErrorCode} {outcome.ErrorMessage}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(12, server.RequestCount);
    }

    [Fact]
    public async Task Bursts_of_calls_all_reach_an_http10_server_on_the_first_attempt()
    {
        await using var server = LoopbackServer.Always(Http10);
        using var harness = new ConnectorHarness();
        var action = Action(server);

        var failures = new List<string>();
        for (var wave = 0; wave < 3; wave++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(call =>
                harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params(), $"k-{wave}-{call}", CancellationToken.None)));
            failures.AddRange(outcomes.Where(o => o.Status != ActionStatus.Ok).Select(o => $"wave {wave}: {o.ErrorCode} {o.ErrorMessage}"));
        }

        Assert.Empty(failures);
        Assert.Equal(90, server.RequestCount);
    }

    [Fact]
    public async Task Data_fetches_one_after_another_each_reach_an_http10_server()
    {
        await using var server = LoopbackServer.Always(Http10 with { Body = """{ "tier": "gold" }""" });
        using var harness = new ConnectorHarness(configure: options => options.DataSourceMaxRetries = 0);
        var source = new DataSource
        {
            BaseUrl = server.BaseUri.ToString().TrimEnd('/'),
            FieldGroups = new Dictionary<string, FieldGroup> { ["tier"] = new() { Method = "GET", Path = "/members/{profile.id}", Fields = new Dictionary<string, FieldType> { ["tier"] = FieldType.String } } },
        };

        var failures = new List<string>();
        for (var fetch = 0; fetch < 8; fetch++)
        {
            var outcome = await harness.DataSources.FetchAsync("loyalty", source, "tier", $"/members/p-{fetch}", CancellationToken.None);
            if (!outcome.Ok)
            {
                failures.Add($"fetch {fetch}: {outcome.ErrorCode} {outcome.Error}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(8, server.RequestCount);
    }
}
