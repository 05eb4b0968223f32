using System.Diagnostics;
using Journeys.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Journeys.Console.Tests.Views;

/// <summary>Live views: counts follow the report route after an ingest, and an open view makes at most one request per second.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LiveTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    private const string StartNode = "await-order";

    [Fact]
    public async Task Canvas_counts_follow_the_report_after_an_ingest()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture);
        await session.GoToJourneyAsync("abandoned-cart");
        var entered = session.Node(StartNode).Locator("[data-count='entered']");
        var before = await EnteredInReportAsync();
        await Assertions.Expect(entered).ToHaveAttributeAsync("data-value", before.ToString(), new() { Timeout = 15_000 });

        await IngestCartAsync();
        var after = await EnteredInReportAsync();
        Assert.True(after > before, $"the report counts the new entrant ({before} -> {after})");
        var watch = Stopwatch.StartNew();
        await Assertions.Expect(entered).ToHaveAttributeAsync("data-value", after.ToString(), new() { Timeout = 15_000 });
        output.WriteLine($"canvas showed the new count {watch.ElapsedMilliseconds} ms after the report had it (SPEC §9: within 5 s)");
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task The_journeys_list_shows_live_counts()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture);
        var cell = session.Page.Locator("tr[data-journey='abandoned-cart'] [data-count='entered']");
        await Assertions.Expect(cell).ToHaveTextAsync((await TotalEnteredAsync()).ToString("N0"), new() { Timeout = 15_000 });

        await IngestCartAsync();
        await Assertions.Expect(cell).ToHaveTextAsync((await TotalEnteredAsync()).ToString("N0"), new() { Timeout = 20_000 });
        await Assertions.Expect(session.Page.Locator("tr[data-journey='welcome-series'] td").Nth(0)).ToHaveTextAsync("Welcome series");
        session.AssertNoPageErrors();
    }

    [Theory]
    [InlineData("list")]
    [InlineData("overview")]
    [InlineData("instance")]
    public async Task An_open_view_makes_at_most_one_request_per_second(string view)
    {
        await using var session = await ConsoleSession.OpenAsync(fixture);
        if (view != "list")
        {
            await session.GoToJourneyAsync("abandoned-cart", view);
        }

        if (view == "instance")
        {
            // An active instance is refreshed too, on top of the report: both share the view's one request per second.
            var profile = await IngestCartAsync();
            await session.Page.GetByLabel("Profile id").FillAsync(profile);
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
            await Assertions.Expect(session.Page.Locator(".timeline")).ToBeVisibleAsync();
        }

        // Measure over a window once the view has settled: a view that polls too often shows it in any 8 s. The
        // browser's own resource timings give each request's start, free of the test's event delivery delays.
        var window = TimeSpan.FromSeconds(8);
        await session.Page.EvaluateAsync("() => { performance.setResourceTimingBufferSize(10000); performance.clearResourceTimings(); }");
        await Task.Delay(window);
        var starts = await session.Page.EvaluateAsync<double[]>(
            "() => performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/api/')).map(e => e.startTime)");
        var first = starts.Length == 0 ? 0 : starts.Min();
        var inWindow = starts.Order().ToList();
        output.WriteLine($"{view}: {inWindow.Count} requests in {window.TotalSeconds} s, at {string.Join(", ", inWindow.Select(s => $"{s - first:0} ms"))}");
        Assert.InRange(inWindow.Count, 2, (int)window.TotalSeconds);
        for (var i = 1; i < inWindow.Count; i++)
        {
            Assert.True(inWindow[i] - inWindow[i - 1] >= 1000, $"requests {i - 1} and {i} started {inWindow[i] - inWindow[i - 1]:0} ms apart");
        }

        session.AssertNoPageErrors();
    }

    private async Task<string> IngestCartAsync()
    {
        var id = "live-" + Guid.NewGuid().ToString("N")[..10];
        var json = $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{id}}", "email": "{{id}}@example.com" }, "cart": { "id": "k-{{id}}", "total": 42 } }""";
        using var response = await fixture.SendAsync(fixture.Ingest, HttpMethod.Post, "api/ingest", json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("abandoned-cart", body, StringComparison.Ordinal);
        return id;
    }

    private async Task<long> EnteredInReportAsync()
    {
        var report = await fixture.GetJsonAsync("api/journeys/abandoned-cart/report");
        var live = report["versions"]!.AsArray().Single(v => (string)v!["status"]! == "live")!;
        return (long?)live["nodes"]?[StartNode]?["entered"] ?? 0;
    }

    private async Task<long> TotalEnteredAsync()
    {
        var report = await fixture.GetJsonAsync("api/journeys/abandoned-cart/report");
        return report["versions"]!.AsArray().Sum(v => (long)v!["entered"]!);
    }
}
