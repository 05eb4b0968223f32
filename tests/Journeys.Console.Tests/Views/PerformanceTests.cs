using System.Globalization;
using System.Text.Json.Nodes;
using Journeys.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Journeys.Console.Tests.Views;

[Collection(ConsoleCollection.Name)]
public sealed class PerformanceTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Issue 13: a 50-node journey is laid out and rendered in under a second in the test browser, each time on a
    /// freshly loaded page (layout code not yet warm). What is compared is the renderer's CPU time for it, best of
    /// three, so that a machine busy with other tests does not decide; the wall time is reported beside it.
    /// </summary>
    [Fact]
    public async Task A_50_node_journey_is_laid_out_and_rendered_in_under_a_second()
    {
        const string journey = "generated-50";
        var generated = Generate(50);
        await fixture.PutJourneyAsync(journey, generated.ToJsonString());
        await using var session = await ConsoleSession.OpenAsync(fixture);

        // Two figures per load of the page: the wall time the console measures (from having the journey to the frame
        // after every box and arrow is on screen), and the CPU time the page's renderer process spent over the same
        // navigation (Chromium's SystemInfo.getProcessInfo), which a machine shared with other work does not inflate.
        var times = new List<double>();
        var cpu = new List<double>();
        var browserCdp = await fixture.Browser.NewBrowserCDPSessionAsync();
        for (var run = 0; run < 3; run++)
        {
            // A fresh page on the journeys list, then into the journey: the layout code runs cold every time.
            await session.Page.EvaluateAsync("() => { window.location.hash = '#/'; }");
            await session.Page.ReloadAsync();
            await Assertions.Expect(session.Page.Locator("tr[data-journey='abandoned-cart']")).ToBeVisibleAsync();
            var before = await RendererCpuSecondsAsync(browserCdp);
            await session.GoToJourneyAsync(journey);
            await Assertions.Expect(session.Page.Locator(".react-flow__node")).ToHaveCountAsync(50);
            cpu.Add((await RendererCpuSecondsAsync(browserCdp) - before) * 1000);
            times.Add(double.Parse((await session.Canvas.GetAttributeAsync("data-render-ms"))!, CultureInfo.InvariantCulture));
        }

        var edges = await session.Page.Locator(".react-flow__edge").CountAsync();
        output.WriteLine($"50 nodes, {edges} edges: laid out and rendered in {string.Join(", ", times.Select(t => $"{t:0}"))} ms wall, " +
            $"{string.Join(", ", cpu.Select(t => $"{t:0}"))} ms renderer CPU (best {times.Min():0} / {cpu.Min():0} ms)");
        Assert.Equal(generated["nodes"]!.AsObject().Sum(n => Successors(n.Value!)), edges);
        Assert.True(cpu.Min() < 1000, $"best of three: {cpu.Min():0} ms of renderer CPU");
        session.AssertNoPageErrors();
    }

    /// <summary>CPU seconds used so far by Chromium's renderer processes (the test's one page; closed pages' are gone).</summary>
    private static async Task<double> RendererCpuSecondsAsync(ICDPSession browser)
    {
        var processes = (await browser.SendAsync("SystemInfo.getProcessInfo"))!.Value.GetProperty("processInfo");
        return processes.EnumerateArray().Where(p => p.GetProperty("type").GetString() == "renderer").Sum(p => p.GetProperty("cpuTime").GetDouble());
    }

    /// <summary>A journey of every node type: conditions and splits branching forward, waits, actions, ends.</summary>
    private static JsonObject Generate(int count)
    {
        var nodes = new JsonObject();
        string Id(int i) => i >= count - 1 ? "done" : $"n{i:D2}";
        for (var i = 0; i < count - 1; i++)
        {
            var next = Id(i + 1);
            var skip = Id(Math.Min(count - 1, i + 3));
            nodes[Id(i)] = (i % 6) switch
            {
                0 => new JsonObject { ["type"] = "condition", ["branches"] = new JsonArray(new JsonObject { ["when"] = $"entry.cart.total > {i}", ["next"] = next }), ["otherwise"] = skip },
                1 => new JsonObject { ["type"] = "wait", ["duration"] = "PT1H", ["next"] = next },
                2 => new JsonObject { ["type"] = "action", ["action"] = "send-email", ["params"] = new JsonObject { ["email"] = "entry.customer.email", ["total"] = "entry.cart.total" }, ["next"] = next, ["errorNext"] = skip },
                3 => new JsonObject { ["type"] = "split", ["branches"] = new JsonArray(new JsonObject { ["percent"] = 50, ["next"] = next }, new JsonObject { ["percent"] = 50, ["next"] = skip }) },
                4 => new JsonObject { ["type"] = "waitForEvent", ["event"] = "order.placed", ["timeout"] = "P1D", ["next"] = skip, ["timeoutNext"] = next },
                _ => new JsonObject { ["type"] = "wait", ["duration"] = "P1D", ["next"] = next },
            };
        }

        nodes["done"] = new JsonObject { ["type"] = "end" };
        return new JsonObject { ["name"] = "Generated, 50 nodes", ["entry"] = "cart.abandoned", ["start"] = "n00", ["nodes"] = nodes };
    }

    private static int Successors(JsonNode node) => (string)node["type"]! switch
    {
        "condition" => node["branches"]!.AsArray().Count + 1,
        "split" => node["branches"]!.AsArray().Count,
        "action" or "waitForEvent" => 2,
        "end" => 0,
        _ => 1,
    };
}
