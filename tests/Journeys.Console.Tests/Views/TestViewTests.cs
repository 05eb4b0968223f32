using System.Net;
using System.Text.Json.Nodes;
using Journeys.Console.Tests.Support;
using Microsoft.Playwright;

namespace Journeys.Console.Tests.Views;

/// <summary>
/// The Test view runs a SPEC §8 scenario through <c>POST /api/journeys/{id}/simulate</c>. Whatever the host answers,
/// the view shows it: each profile's path on the canvas, or the API's error with its code.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TestViewTests(ConsoleFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Scenario = """
        {
          "start": "2026-01-05T09:00:00Z",
          "events": [
            { "at": "PT0S", "event": { "id": "t1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 120 } } },
            { "at": "PT20M", "event": { "id": "t2", "type": "order.placed", "customer": { "id": "p1" }, "cart": { "id": "k1" }, "order": { "id": "o1" } } },
            { "at": "PT0S", "event": { "id": "t3", "type": "cart.abandoned", "customer": { "id": "p2", "email": "b@x.io" }, "cart": { "id": "k2", "total": 40 } } }
          ],
          "data": { "loyalty.tier": { "*": { "tier": "silver", "points": 0 } } },
          "actions": { "send-email": { "status": 200, "body": { "messageId": "m1" } } },
          "until": "P2D"
        }
        """;

    [Fact]
    public async Task A_scenario_run_shows_each_profiles_path_or_the_APIs_error()
    {
        using var direct = await fixture.SendAsync(fixture.Admin, HttpMethod.Post, "api/journeys/abandoned-cart/simulate", Scenario);
        var answer = JsonNode.Parse(await direct.Content.ReadAsStringAsync())!;
        output.WriteLine($"POST /simulate answered {(int)direct.StatusCode}");

        await using var session = await ConsoleSession.OpenAsync(fixture);
        var page = session.Page;
        await session.GoToJourneyAsync("abandoned-cart", "test");
        await page.Locator(".test .cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(Scenario);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run scenario" }).ClickAsync();

        if (direct.StatusCode != HttpStatusCode.OK)
        {
            // This host has no simulate route (or refused the scenario): the view says so with the problem's codes.
            var code = (string)answer["errors"]![0]!["code"]!;
            await Assertions.Expect(page.Locator(".error-box")).ToContainTextAsync($"HTTP {(int)direct.StatusCode}");
            await Assertions.Expect(page.Locator(".error-box")).ToContainTextAsync(code);
            session.AssertNoPageErrors($"{(int)direct.StatusCode}");
            return;
        }

        var instances = answer["instances"]!.AsArray();
        await Assertions.Expect(page.Locator(".sim-table tbody tr")).ToHaveCountAsync(instances.Count);
        await Assertions.Expect(page.Locator(".canvas-caption")).ToContainTextAsync("simulation");
        foreach (var instance in instances)
        {
            var profile = (string)instance!["profileId"]!;
            await page.Locator($".sim-table tr[data-profile='{profile}'] button").ClickAsync();
            var path = instance["path"]!.AsArray().Select(n => (string)n!).Distinct().Order(StringComparer.Ordinal).ToList();
            await Assertions.Expect(page.Locator(".jnode[data-on-path='true']")).ToHaveCountAsync(path.Count);
            var highlighted = (await page.Locator(".jnode[data-on-path='true']").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)"))
                .Order(StringComparer.Ordinal).ToList();
            Assert.Equal(path, highlighted);
        }

        session.AssertNoPageErrors();
    }
}
