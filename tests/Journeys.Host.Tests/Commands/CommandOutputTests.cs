using System.Text.Json;
using Journeys.Host.Bench;
using Journeys.Host.Commands;
using Spectre.Console;

namespace Journeys.Host.Tests.Commands;

/// <summary>Issue 11 item 11: what the commands print, word for word where it was wrong.</summary>
public sealed class CommandOutputTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "journeys-output-" + Guid.NewGuid().ToString("N"));

    public CommandOutputTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_bad_ndjson_line_is_reported_with_its_own_line_number()
    {
        var error = Assert.ThrowsAny<JsonException>(() => SendCommand.ReadEvents("{\"id\":1}\n\n{\"id\": oops}\n{\"id\":4}\n"));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_counts_one_warning_in_the_singular()
    {
        var events = Directory.CreateDirectory(Path.Combine(folder, "events")).FullName;
        File.WriteAllText(Path.Combine(events, "signup.json"), """{ "match": "type == 'signup'", "profileId": "user", "fields": { "type": "string", "user": "string" } }""");
        var output = new StringWriter();

        var exit = ValidateCommand.Run([folder], output);

        Assert.Equal(0, exit);
        Assert.EndsWith("1 file, 0 errors, 1 warning" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_never_prints_a_negative_size_per_waiting_instance()
    {
        // Small runs can end with less heap, working set or even file than they began with (GC, OS trimming).
        var results = new BenchResults
        {
            Machine = "test",
            ProcessorCount = 2,
            Runtime = "test",
            StartedAt = DateTimeOffset.UnixEpoch,
            Options = new BenchOptions(),
            Storage = new StorageResult(300, 1.0, -12.5, 180, -192.5, -40.25, -3000.5, 100_000_000),
        };
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;

        console.Write(BenchCommand.Table(results));

        Assert.DoesNotMatch(@"-\d", text.ToString());
        Assert.Contains("not measurable", text.ToString(), StringComparison.Ordinal);
    }
}
