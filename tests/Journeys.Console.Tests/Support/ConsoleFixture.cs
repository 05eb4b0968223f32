using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Journeys.Host.Commands;
using Microsoft.Playwright;
using Spectre.Console;

namespace Journeys.Console.Tests.Support;

/// <summary>
/// What every console test shares: <c>journeys demo --serve</c> run in this process (a fresh SQLite database, mock
/// services, the three samples published, 200 shoppers' events, then the host kept running), and one Debian
/// Chromium driven by Playwright. Both are stopped by <see cref="DisposeAsync"/>: the browser through Playwright
/// (which ends the process it started), the demo through the cancellation Ctrl+C would give.
/// </summary>
public sealed partial class ConsoleFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium package; Playwright's own browser download cannot be reached from the build machines.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly CancellationTokenSource stop = new();
    private readonly SignallingWriter output = new();
    private Task<int>? demo;
    private IPlaywright? playwright;

    public Uri Address { get; private set; } = null!;

    public string AdminKey { get; private set; } = null!;

    public string IngestKey { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Ingest { get; private set; } = null!;

    /// <summary>What the demo printed (its report, then the console's address and keys).</summary>
    public string DemoOutput => output.Text;

    public async Task InitializeAsync()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        demo = Task.Run(() => DemoCommand.RunAsync(console, shoppers: 200, DemoCommand.DefaultTimeScale, samplesFolder: null, serveUrls: "http://127.0.0.1:0", stop.Token));

        var printed = output.WhenContains("Ingest key:");
        var finished = await Task.WhenAny(printed, demo, Task.Delay(TimeSpan.FromMinutes(4)));
        if (finished != printed)
        {
            throw new InvalidOperationException("journeys demo --serve did not print the console's address:\n" + output.Text +
                (demo.IsFaulted ? "\n" + demo.Exception : string.Empty));
        }

        var text = await printed;
        Address = new Uri(ConsoleLine().Match(text).Groups[1].Value);
        AdminKey = AdminKeyLine().Match(text).Groups[1].Value;
        IngestKey = IngestKeyLine().Match(text).Groups[1].Value;
        Admin = Client(AdminKey);
        Ingest = Client(IngestKey);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // Playwright gives every launch a fresh, empty profile directory (its --user-data-dir) and deletes it on
            // close. Without the background-networking flags Chromium keeps dialling Google's hosts, which this
            // machine's closed network refuses.
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            Timeout = 120_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        Admin?.Dispose();
        Ingest?.Dispose();
        await stop.CancelAsync();
        if (demo is not null)
        {
            await demo;
        }

        stop.Dispose();
        output.Dispose();
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Admin.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>Writes a journey draft through the API (a test's own journey, so the samples' drafts stay as published).</summary>
    public async Task PutJourneyAsync(string id, string json)
    {
        using var response = await SendAsync(Admin, HttpMethod.Put, $"api/journeys/{id}", json);
        Assert.True(response.IsSuccessStatusCode, $"PUT {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Add("x-api-key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    [GeneratedRegex(@"Admin console:\s+(\S+)")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"Admin key:\s+(\S+)")]
    private static partial Regex AdminKeyLine();

    [GeneratedRegex(@"Ingest key:\s+(\S+)")]
    private static partial Regex IngestKeyLine();
}
