using Journeys.Host.Commands;
using Spectre.Console;

namespace Journeys.Host.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task A_small_demo_runs_every_instance_to_the_end_and_prints_the_report()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 80; // The terminal the README's first command most often meets.

        var exit = await DemoCommand.RunAsync(console, shoppers: 200, timeScale: DemoCommand.DefaultTimeScale, samplesFolder: null, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("abandoned-cart v1 (live): entered 200", text, StringComparison.Ordinal);
        Assert.Contains("welcome-series v1 (live): entered 40", text, StringComparison.Ordinal);
        Assert.Contains("payment-failed v1 (live): entered 10", text, StringComparison.Ordinal);
        Assert.Contains("active 0", text, StringComparison.Ordinal);
        Assert.Matches(@"Mock mailer received \d+ emails", text);
        Assert.Contains("Done in", text, StringComparison.Ordinal);

        // The abandoned-cart table follows the sample journey: the wait, then the tier check, the end node last;
        // node names are never wrapped.
        var cart = text[text.IndexOf("abandoned-cart v1", StringComparison.Ordinal)..text.IndexOf("payment-failed v1", StringComparison.Ordinal)];
        var rows = new[] { "│ await-order ", "│ tier-check ", "│ done " }.Select(row => cart.IndexOf(row, StringComparison.Ordinal)).ToArray();
        Assert.All(rows, index => Assert.True(index >= 0, cart));
        Assert.True(rows[0] < rows[1] && rows[1] < rows[2], cart);
        Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
    }
}
