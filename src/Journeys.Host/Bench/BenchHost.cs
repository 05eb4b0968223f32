using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Journeys.Api.Security;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Host.Serving;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Host.Bench;

/// <summary>
/// A real embedded host (the one <c>journeys serve</c> runs) on loopback over a database file of the bench's, with
/// an admin and an ingest client. Everything the bench measures goes through HTTP; only counting active instances
/// and checkpointing the file look inside.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly EmbeddedHost host;

    private BenchHost(EmbeddedHost host, HttpClient admin, HttpClient ingest)
    {
        this.host = host;
        Admin = admin;
        Ingest = ingest;
    }

    public HttpClient Admin { get; }

    public HttpClient Ingest { get; }

    public string DatabasePath => host.DatabasePath;

    public JourneyEngine Engine => host.App.Services.GetRequiredService<JourneyEngine>();

    public static async Task<BenchHost> StartAsync(string databasePath, double timeScale, CancellationToken cancellationToken)
    {
        var adminKey = ApiKeys.Generate();
        var ingestKey = ApiKeys.Generate();
        var options = new EmbeddedHostOptions
        {
            DatabasePath = databasePath,
            Urls = "http://127.0.0.1:0",
            TimeScale = timeScale,
            ConsoleLogging = false,
        };
        options.Configuration[EmbeddedHost.AdminKeySetting] = adminKey;
        options.Configuration[EmbeddedHost.IngestKeySetting] = ingestKey;
        options.Configuration["Journeys:Secrets:MAILER_TOKEN"] = "bench-mailer-token";
        options.Configuration["Journeys:Secrets:LOYALTY_KEY"] = "bench-loyalty-key";
        var host = await EmbeddedHost.CreateAsync(options, cancellationToken);
        try
        {
            await host.App.StartAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return new BenchHost(host, Client(host.Addresses[0], adminKey), Client(host.Addresses[0], ingestKey));
    }

    public async Task PutAsync(string route, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Admin.PutAsync(new Uri(route, UriKind.Relative), content, cancellationToken);
        await EnsureAsync(response, "PUT " + route, cancellationToken);
    }

    public async Task PublishAsync(string journey, CancellationToken cancellationToken)
    {
        using var response = await Admin.PostAsync(new Uri($"api/journeys/{journey}/publish", UriKind.Relative), null, cancellationToken);
        await EnsureAsync(response, "publish " + journey, cancellationToken);
    }

    /// <summary>Defines the sample resources the abandoned-cart journey needs and publishes it.</summary>
    public async Task DefineCartJourneyAsync(CancellationToken cancellationToken)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        foreach (var (route, file) in BenchConfiguration.CartSamples)
        {
            await PutAsync(route, await File.ReadAllTextAsync(Path.Combine(samples, file), cancellationToken), cancellationToken);
        }

        await PublishAsync(BenchConfiguration.CartJourney, cancellationToken);
    }

    public async Task DefineAsync(IEnumerable<(string Route, string Json)> resources, string journey, CancellationToken cancellationToken)
    {
        foreach (var (route, json) in resources)
        {
            await PutAsync(route, json, cancellationToken);
        }

        await PublishAsync(journey, cancellationToken);
    }

    /// <summary>Posts one request body of events; the answer comes once they are committed.</summary>
    public async Task SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await Ingest.PostAsync(new Uri("api/ingest", UriKind.Relative), content, cancellationToken);
        await EnsureAsync(response, "ingest", cancellationToken);
    }

    /// <summary>Sends every body with <paramref name="concurrency"/> requests in flight.</summary>
    public Task SendAllAsync(IEnumerable<byte[]> bodies, int concurrency, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            bodies,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (body, token) => await SendAsync(body, token));

    public async Task<VersionReport> ReportAsync(string journey, CancellationToken cancellationToken)
    {
        var report = await Admin.GetFromJsonAsync(new Uri($"api/journeys/{journey}/report", UriKind.Relative), ReportingJsonContext.Default.JourneyReport, cancellationToken);
        return report?.Versions.FirstOrDefault() ?? throw new InvalidOperationException($"No report for {journey}.");
    }

    /// <summary>
    /// Copies the WAL into the database file and truncates it. SQLite reports a checkpoint that a reader or the writer
    /// kept from finishing in its result row (busy = 1) rather than as an error, and a storage figure taken then counts
    /// a stale WAL; so the checkpoint is repeated until it completes.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await host.App.Services.GetRequiredService<SqliteDatabase>().OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        for (var attempt = 1; ; attempt++)
        {
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken) && reader.GetInt32(0) == 0)
                {
                    return;
                }
            }

            if (attempt == 200)
            {
                throw new InvalidOperationException("The WAL checkpoint stayed busy for 10 s; the storage figure would count a stale WAL.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The database file plus its WAL.</summary>
    public long StorageBytes() =>
        new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).Sum(path => new FileInfo(path).Length);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Ingest.Dispose();
        await host.App.StopAsync(CancellationToken.None);
        await host.DisposeAsync();
    }

    private static HttpClient Client(Uri baseUri, string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        return client;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
