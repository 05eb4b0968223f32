using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Journeys.Console.Tests.Support;

/// <summary>
/// One browser context and page on the console, recording every console error, uncaught page error and request to
/// <c>/api</c>, so that each test can end with "no page errors" and the request-rate test can count.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors = new();
    private readonly ConcurrentQueue<(TimeSpan At, string Method, string Url)> apiRequests = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    private ConsoleSession(ConsoleFixture fixture, IBrowserContext context, IPage page)
    {
        Fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"pageerror: {error}");
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                apiRequests.Enqueue((clock.Elapsed, request.Method, request.Url));
            }
        };
    }

    public ConsoleFixture Fixture { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => [.. errors];

    public IReadOnlyList<(TimeSpan At, string Method, string Url)> ApiRequests => [.. apiRequests];

    public TimeSpan Now => clock.Elapsed;

    public static async Task<ConsoleSession> OpenAsync(ConsoleFixture fixture, bool signIn = true)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            DeviceScaleFactor = 1,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new ConsoleSession(fixture, context, page);
        await page.GotoAsync("/");
        if (signIn)
        {
            await session.SignInAsync(fixture.AdminKey);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journeys", Exact = true })).ToBeVisibleAsync();
        }

        return session;
    }

    public async Task SignInAsync(string key)
    {
        await Page.GetByLabel("Admin key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task GoToJourneyAsync(string id, string tab = "overview")
    {
        await Page.EvaluateAsync("hash => { window.location.hash = hash; }", $"#/journeys/{Uri.EscapeDataString(id)}/{tab}");
        await Assertions.Expect(Canvas).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30_000 });
    }

    public ILocator Canvas => Page.Locator(".canvas");

    public ILocator Node(string id) => Page.Locator($".jnode[data-node-id='{id}']");

    /// <summary>Every node on the canvas with the counts it shows: id → (entered, waiting, errors).</summary>
    public async Task<Dictionary<string, long[]>> NodeCountsAsync()
    {
        var json = await Page.EvaluateAsync<string>("""
            () => JSON.stringify(Object.fromEntries([...document.querySelectorAll('.jnode')].map(n => [
              n.dataset.nodeId,
              ['entered', 'waiting', 'errors'].map(c => Number(n.querySelector(`[data-count="${c}"]`).dataset.value))
            ])))
            """);
        return JsonSerializer.Deserialize<Dictionary<string, long[]>>(json)!;
    }

    /// <summary>Every edge label on the canvas: edge id (<c>node:branch</c>) → the count it shows.</summary>
    public async Task<Dictionary<string, long>> EdgeCountsAsync()
    {
        var json = await Page.EvaluateAsync<string>("""
            () => JSON.stringify(Object.fromEntries([...document.querySelectorAll('.edge-label')].map(l => [l.dataset.edgeId, Number(l.dataset.count)])))
            """);
        return JsonSerializer.Deserialize<Dictionary<string, long>>(json)!;
    }

    /// <summary>Fails with every console error and page error seen, except those containing one of <paramref name="expected"/>.</summary>
    public void AssertNoPageErrors(params string[] expected)
    {
        var unexpected = errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "page errors:\n" + string.Join('\n', unexpected));
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
    }
}
