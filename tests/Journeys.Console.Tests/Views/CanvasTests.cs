using System.Text.Json.Nodes;
using Journeys.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Journeys.Console.Tests.Views;

[Collection(ConsoleCollection.Name)]
public sealed class CanvasTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("abandoned-cart")]
    [InlineData("welcome-series")]
    [InlineData("payment-failed")]
    public async Task Each_sample_shows_every_node_with_the_counts_of_the_report_route(string journey)
    {
        await using var session = await ConsoleSession.OpenAsync(fixture);
        await session.GoToJourneyAsync(journey);

        var draft = (await fixture.GetJsonAsync($"api/journeys/{journey}"))["draft"]!;
        var expectedNodes = draft["nodes"]!.AsObject().Select(n => n.Key).Order(StringComparer.Ordinal).ToList();

        // The canvas refreshes on its own; read it until it shows what the report route says now.
        (Dictionary<string, long[]> Nodes, Dictionary<string, long> Edges, JsonNode Version) seen = default;
        await Eventually.HoldsAsync(async () =>
        {
            var report = await fixture.GetJsonAsync($"api/journeys/{journey}/report");
            var version = report["versions"]!.AsArray().Single(v => (string)v!["status"]! == "live")!;
            seen = (await session.NodeCountsAsync(), await session.EdgeCountsAsync(), version);
            return seen.Nodes.Keys.Order(StringComparer.Ordinal).SequenceEqual(expectedNodes)
                && expectedNodes.All(id => seen.Nodes[id].SequenceEqual(Expected(version, id)))
                && seen.Edges.All(e => e.Value == Branch(version, e.Key));
        }, TimeSpan.FromSeconds(15), () => $"canvas {Describe(seen.Nodes)} edges {string.Join(", ", seen.Edges?.Select(e => $"{e.Key}={e.Value}") ?? [])} vs report {seen.Version?.ToJsonString()}");

        Assert.Equal(expectedNodes, seen.Nodes!.Keys.Order(StringComparer.Ordinal));
        Assert.True(seen.Nodes!.Values.Sum(c => c[0]) > 0, "the demo's shoppers entered nodes");
        Assert.NotEmpty(seen.Edges!);
        await Assertions.Expect(session.Page.Locator(".canvas-caption")).ToContainTextAsync("version 1 (live)");

        if (journey == "abandoned-cart")
        {
            await Screenshots.SaveAsync(session.Page, "console-canvas.png", output);
        }

        session.AssertNoPageErrors();
    }

    private static long[] Expected(JsonNode version, string node)
    {
        var counts = version["nodes"]?[node];
        return [(long?)counts?["entered"] ?? 0, (long?)counts?["waiting"] ?? 0, (long?)counts?["errors"] ?? 0];
    }

    private static long Branch(JsonNode version, string edgeId)
    {
        var colon = edgeId.LastIndexOf(':');
        return (long?)version["nodes"]?[edgeId[..colon]]?["branches"]?[edgeId[(colon + 1)..]] ?? 0;
    }

    private static string Describe(Dictionary<string, long[]>? nodes) =>
        nodes is null ? "(none)" : string.Join(", ", nodes.Select(n => $"{n.Key}=[{string.Join(',', n.Value)}]"));
}
