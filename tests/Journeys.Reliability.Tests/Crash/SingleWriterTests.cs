using Journeys.Reliability.Tests.Support;

namespace Journeys.Reliability.Tests.Crash;

/// <summary>
/// Issue 11 item 4, SPEC §5 "one writer per database": a second <c>journeys serve</c> on a database another host is
/// serving refuses to start, with one line and a non-zero exit, before it resumes or sends anything; a host that was
/// SIGKILLed holds nothing, so the next start on its database succeeds.
/// </summary>
public sealed class SingleWriterTests
{
    [Fact]
    public async Task A_second_host_on_the_same_database_refuses_to_start_and_a_sigkilled_host_does_not_block_the_next_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-writer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "journeys.db");
        var environment = new Dictionary<string, string?>
        {
            ["Journeys__AdminKey"] = "writer-admin-key",
            ["Journeys__IngestKey"] = "writer-ingest-key",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        try
        {
            using var first = await ServeProcess.StartAsync(database, 1, environment);

            using (var second = await ServeProcess.LaunchAsync(database, 1, environment))
            {
                Assert.True(second.HasExited, "a second host started on the same database:\n" + second.Output);
                Assert.NotEqual(0, second.ExitCode);
                var line = Assert.Single(second.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                Assert.Contains("in use by another journeys host", line, StringComparison.Ordinal);
                Assert.Contains(database, line, StringComparison.Ordinal);
            }

            using (var api = new JourneysApiClient(first.BaseUri, "writer-admin-key", "writer-ingest-key"))
            {
                Assert.True(await api.HealthyAsync(), "the first host stopped serving:\n" + first.Output);
            }

            first.Kill();
            using var third = await ServeProcess.StartAsync(database, 1, environment);
            using var restarted = new JourneysApiClient(third.BaseUri, "writer-admin-key", "writer-ingest-key");
            Assert.True(await restarted.HealthyAsync(), "the host restarted after SIGKILL does not serve:\n" + third.Output);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }
        }
    }
}
