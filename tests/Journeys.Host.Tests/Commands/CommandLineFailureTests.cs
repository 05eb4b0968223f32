using System.Net;
using System.Net.Sockets;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Commands;

/// <summary>
/// Issue 11 item 8, on the real process with its output redirected: a failure the user caused is one clear line on
/// stderr and a non-zero exit, never a stack trace; piped output has no ANSI codes and is not wrapped at 80 columns.
/// </summary>
public sealed class CommandLineFailureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("journeys-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Send_to_an_unreachable_url_is_one_line_and_exit_1()
    {
        var file = Path.Combine(folder, "events.ndjson");
        await File.WriteAllTextAsync(file, "{ \"id\": \"e1\" }\n");
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var (exit, stdout, stderr) = await JourneysProcess.RunAsync(folder, null, "send", file, "--url", url, "--key", "k");

        Assert.Equal(1, exit);
        var line = Assert.Single(JourneysProcess.Lines(stderr));
        Assert.Contains(url, line, StringComparison.Ordinal);
        AssertNoTraceNorAnsi(stdout + stderr);
    }

    [Fact]
    public async Task Serve_on_a_busy_port_is_one_line_and_exit_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var environment = new Dictionary<string, string?> { ["Journeys__AdminKey"] = "a", ["Journeys__IngestKey"] = "i" };

        var (exit, stdout, stderr) = await JourneysProcess.RunAsync(folder, environment, "serve", "--db", Path.Combine(folder, "busy.db"), "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, exit);
        var line = Assert.Single(JourneysProcess.Lines(stderr));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains("in use", line, StringComparison.Ordinal);
        AssertNoTraceNorAnsi(stdout + stderr);
    }

    [Fact]
    public async Task Piped_output_has_no_colour_codes_and_long_lines_stay_whole()
    {
        var missing = Path.Combine(folder, new string('x', 150) + ".ndjson");

        var (exit, stdout, stderr) = await JourneysProcess.RunAsync(folder, null, "send", missing, "--key", "k");

        Assert.Equal(1, exit);
        var line = Assert.Single(JourneysProcess.Lines(stdout + stderr));
        Assert.Contains(missing, line, StringComparison.Ordinal);
        AssertNoTraceNorAnsi(stdout + stderr);
    }

    private static void AssertNoTraceNorAnsi(string output)
    {
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotMatch(@"(?m)^\s+at ", output);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: bound once by the OS's choice, then released.</summary>
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
