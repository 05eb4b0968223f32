using System.Text.Json;
using Journeys.Core.Routing;
using Journeys.Host.Commands;
using Journeys.Host.Tests.Support;
using Journeys.Runtime.Ingestion;
using Moq;
using Spectre.Console;

namespace Journeys.Host.Tests.Commands;

public sealed class SendCommandTests
{
    [Fact]
    public void Ndjson_and_json_arrays_read_to_the_same_events()
    {
        var lines = SendCommand.ReadEvents("{\"id\":1}\n\n{\"id\":2}\n");
        var array = SendCommand.ReadEvents("[ {\"id\":1}, {\"id\":2} ]");

        Assert.Equal(["{\"id\":1}", "{\"id\":2}"], lines);
        Assert.Equal(lines, array);
    }

    [Fact]
    public async Task A_file_is_sent_in_batches_to_the_ingest_route_and_summarised()
    {
        await using var api = await ApiHost.StartAsync();
        var batches = new List<int>();
        api.Runtime!.Setup(r => r.IngestAsync(It.IsAny<IReadOnlyList<JsonElement>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<JsonElement> events, CancellationToken _) =>
            {
                batches.Add(events.Count);
                return events.Select(e => e.GetProperty("id").GetInt32() % 2 == 0
                    ? new IngestResult { Matched = ["e"], Discarded = [new IngestDiscard(DiscardReason.Duplicate)] }
                    : new IngestResult { Matched = ["e"], Entered = ["j"] }).ToList();
            });
        var file = Path.Combine(api.Folder, "events.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 5).Select(i => $$"""{ "id": {{i}} }"""));
        var (console, output) = Capture();

        var exit = await SendCommand.RunAsync(file, api.Host.Addresses.Single(), ApiHost.IngestKey, 2, console, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal([2, 2, 1], batches);
        Assert.Matches(@"entered a journey\s*│\s*3", output.ToString());
        Assert.Matches(@"discarded: duplicate\s*│\s*2", output.ToString());
    }

    [Fact]
    public async Task A_wrong_key_stops_the_send_with_the_status()
    {
        await using var api = await ApiHost.StartAsync();
        var file = Path.Combine(api.Folder, "events.json");
        await File.WriteAllTextAsync(file, """[ { "id": 1 } ]""");
        var (console, _) = Capture();

        // Nothing was accepted, so the failure is the whole answer: one line (the command line prints it on stderr, exit 1).
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => SendCommand.RunAsync(file, api.Host.Addresses.Single(), "wrong", 100, console, CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    private static (IAnsiConsole Console, StringWriter Output) Capture()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        return (console, output);
    }
}
