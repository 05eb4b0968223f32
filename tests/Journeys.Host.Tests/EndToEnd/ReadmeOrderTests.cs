using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.EndToEnd;

/// <summary>
/// Issue 11 item 10: the README walk-through works when pasted line by line. The host must have its secrets before
/// it starts, and nothing may read the keys file before the host has made it and answers.
/// </summary>
public sealed class ReadmeOrderTests
{
    [Fact]
    public void The_secrets_are_exported_before_the_host_starts()
    {
        var serve = ServeLine();

        foreach (var setting in new[] { "Journeys__Secrets__LOYALTY_KEY=", "Journeys__Secrets__MAILER_TOKEN=" })
        {
            var export = ReadmeWalkthrough.Script.IndexOf(setting, StringComparison.Ordinal);
            Assert.True(export >= 0 && export < serve, $"'{setting}' must be set before 'serve' starts:\n{ReadmeWalkthrough.Script}");
        }
    }

    [Fact]
    public void Nothing_reads_the_keys_file_or_calls_the_api_before_a_wait_for_the_host()
    {
        var script = ReadmeWalkthrough.Script;
        var serve = ServeLine();
        var wait = script.IndexOf("until ", serve, StringComparison.Ordinal);
        var keys = script.IndexOf("keys.json", serve, StringComparison.Ordinal);
        var firstCall = script.IndexOf("curl -sS", serve, StringComparison.Ordinal);

        Assert.True(wait > serve, "the walk-through must wait for the host after starting it");
        Assert.True(keys > wait, "the keys file is read only after the wait");
        Assert.True(firstCall > wait, "the API is called only after the wait");
        var waitLine = script[wait..script.IndexOf('\n', wait)];
        Assert.Contains("health", waitLine, StringComparison.Ordinal);
        Assert.Contains("sleep", waitLine, StringComparison.Ordinal);
    }

    [Fact]
    public void The_walkthrough_defines_every_sample_it_publishes_in_dependency_order()
    {
        Assert.Equal(
            ["events/cart.abandoned", "events/order.placed", "datasources/loyalty", "actions/send-email", "journeys/abandoned-cart"],
            ReadmeWalkthrough.Puts.Select(p => p.Route));
        Assert.All(ReadmeWalkthrough.Puts, p => Assert.NotEmpty(SampleFiles.Read(p.Sample)));
    }

    private static int ServeLine()
    {
        var serve = ReadmeWalkthrough.Script.IndexOf("-- serve", StringComparison.Ordinal);
        Assert.True(serve >= 0, "the walk-through starts the host with 'serve'");
        return serve;
    }
}
