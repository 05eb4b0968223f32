using Journeys.Embedded.Engine;
using Journeys.Host.Serving;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Reliability.Tests.Support;

/// <summary>
/// The embedded host exactly as <c>journeys serve</c> builds it (Kestrel on a loopback port, SQLite file, catalog,
/// connectors, the SQLite journey engine), inside the test process so that the test can also look at its memory.
/// </summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    public const string AdminKey = "reliability-admin-key";
    public const string IngestKey = "reliability-ingest-key";

    private InProcessHost(string folder, EmbeddedHost host)
    {
        Folder = folder;
        Host = host;
        Api = new JourneysApiClient(host.Addresses[0], AdminKey, IngestKey);
    }

    public string Folder { get; }

    public EmbeddedHost Host { get; }

    public JourneysApiClient Api { get; }

    public static async Task<InProcessHost> StartAsync(double timeScale = 1)
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-reliability-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var options = new EmbeddedHostOptions
        {
            DatabasePath = Path.Combine(folder, "journeys.db"),
            Urls = "http://127.0.0.1:0",
            TimeScale = timeScale,
            ConsoleLogging = false,
            Engine = new EngineOptions { TimeScale = timeScale, MaxIdle = TimeSpan.FromMilliseconds(50) },
        };
        options.Configuration[EmbeddedHost.AdminKeySetting] = AdminKey;
        options.Configuration[EmbeddedHost.IngestKeySetting] = IngestKey;
        foreach (var (name, value) in SampleConfiguration.Secrets)
        {
            options.Configuration[name] = value;
        }

        var host = await EmbeddedHost.CreateAsync(options);
        await host.App.StartAsync();
        return new InProcessHost(folder, host);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Host.App.StopAsync();
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }
}
