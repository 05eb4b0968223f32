using System.Net;
using System.Text;
using Journeys.Host.Commands;

namespace Journeys.Host.Tests.Serving;

/// <summary><c>journeys serve</c>: starts, says where it listens (never the keys), serves, and exits 0 when cancelled.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_prints_address_database_and_keys_file_then_exits_0_on_cancellation()
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "serve.db");
        var output = new LineSignallingWriter("Press Ctrl+C");
        using var stop = new CancellationTokenSource();

        var serving = ServeCommand.RunAsync(database, "http://127.0.0.1:0", 60, output, stop.Token);
        await output.Signalled.WaitAsync(TimeSpan.FromSeconds(30));

        var text = output.ToString();
        var listening = text.Split('\n').Single(l => l.StartsWith("Journeys is listening on ", StringComparison.Ordinal));
        var address = new Uri(listening["Journeys is listening on ".Length..].Trim());
        Assert.Contains($"Database: {database}", text, StringComparison.Ordinal);
        Assert.Contains($"Keys: {database}.keys.json (generated now)", text, StringComparison.Ordinal);
        var keys = Journeys.Host.Serving.KeyFile.Read(database + ".keys.json");
        Assert.DoesNotContain(keys.AdminKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(keys.IngestKey, text, StringComparison.Ordinal);

        using (var http = new HttpClient { BaseAddress = address })
        {
            using var health = await http.GetAsync("/api/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(30)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.5")]
    [InlineData("-3")]
    public async Task A_time_scale_below_1_is_refused_before_anything_starts(string scale)
    {
        var database = Path.Combine(Path.GetTempPath(), $"journeys-{Guid.NewGuid():N}.db");
        var exit = await JourneysCommand.RunAsync(["serve", "--db", database, "--urls", "http://127.0.0.1:0", "--time-scale", scale]);
        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(database));
    }

    /// <summary>Collects output and completes <see cref="Signalled"/> once a line containing the marker is written.</summary>
    private sealed class LineSignallingWriter(string marker) : TextWriter
    {
        private readonly StringBuilder text = new();
        private readonly TaskCompletionSource signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Signalled => signalled.Task;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (text)
            {
                text.Append(value);
                if (value == '\n' && text.ToString().Contains(marker, StringComparison.Ordinal))
                {
                    signalled.TrySetResult();
                }
            }
        }

        public override string ToString()
        {
            lock (text)
            {
                return text.ToString();
            }
        }
    }
}
