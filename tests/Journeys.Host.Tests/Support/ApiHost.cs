using System.Net.Http.Headers;
using System.Text;
using Journeys.Embedded.Engine;
using Journeys.Host.Serving;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Journeys.Host.Tests.Support;

/// <summary>
/// The real embedded host on a loopback port over a fresh SQLite file in a temp folder, with a strict Moq runtime
/// (an unexpected runtime call fails the request with 500, so the test sees it) and clients for each key.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string AdminKey = "admin-key-for-tests";
    public const string IngestKey = "ingest-key-for-tests";

    private ApiHost(string folder, EmbeddedHost host, Mock<IJourneyRuntime>? runtime)
    {
        Folder = folder;
        Host = host;
        Runtime = runtime;
        var address = host.Addresses.Single();
        Anonymous = new HttpClient { BaseAddress = address };
        Admin = new HttpClient { BaseAddress = address };
        Admin.DefaultRequestHeaders.Add("x-api-key", AdminKey);
        Ingest = new HttpClient { BaseAddress = address };
        Ingest.DefaultRequestHeaders.Add("x-api-key", IngestKey);
    }

    public string Folder { get; }

    public EmbeddedHost Host { get; }

    /// <summary>The mocked runtime; null when the host runs the real SQLite engine.</summary>
    public Mock<IJourneyRuntime>? Runtime { get; }

    public HttpClient Anonymous { get; }

    public HttpClient Admin { get; }

    public HttpClient Ingest { get; }

    public static async Task<ApiHost> StartAsync(Action<EmbeddedHostOptions>? configure = null, bool mockRuntime = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var runtime = mockRuntime ? new Mock<IJourneyRuntime>(MockBehavior.Strict) : null;
        var options = new EmbeddedHostOptions
        {
            DatabasePath = Path.Combine(folder, "journeys.db"),
            Urls = "http://127.0.0.1:0",
            ConsoleLogging = false,
        };
        if (runtime is not null)
        {
            options.AddRuntime = services => services.AddSingleton(runtime.Object);
        }

        options.Configuration["Journeys:AdminKey"] = AdminKey;
        options.Configuration["Journeys:IngestKey"] = IngestKey;
        options.Configuration["Journeys:Secrets:MAILER_TOKEN"] = "mailer-token-for-tests";
        options.Configuration["Journeys:Secrets:LOYALTY_KEY"] = "loyalty-key-for-tests";
        configure?.Invoke(options);
        var host = await EmbeddedHost.CreateAsync(options);
        await host.App.StartAsync();
        return new ApiHost(folder, host, runtime);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> PutAsync(string path, string json, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, path, json, ifMatch);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Admin.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Admin.Dispose();
        Ingest.Dispose();
        await Host.App.StopAsync();
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a test must not fail on cleanup.
        }
    }
}
