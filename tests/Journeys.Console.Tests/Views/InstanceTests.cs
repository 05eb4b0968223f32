using Journeys.Console.Tests.Support;
using Microsoft.Playwright;

namespace Journeys.Console.Tests.Views;

[Collection(ConsoleCollection.Name)]
public sealed class InstanceTests(ConsoleFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task An_instance_shows_its_status_steps_and_path_on_the_canvas()
    {
        // shopper-00000 registered, so the demo ran it through the welcome series' split, emails and waits.
        const string journey = "welcome-series";
        const string profile = "shopper-00000";
        var instance = await fixture.GetJsonAsync($"api/journeys/{journey}/instances/{profile}");
        var steps = instance["steps"]!.AsArray();
        var entered = steps.Where(s => (string)s!["kind"]! == "entered").Select(s => (string)s!["node"]!).Distinct().Order(StringComparer.Ordinal).ToList();
        var taken = steps.Where(s => (string)s!["kind"]! == "exited" && s!["target"] is not null)
            .Select(s => $"{(string)s!["node"]!}:{(string)s!["branch"]!}").Order(StringComparer.Ordinal).ToList();

        await using var session = await ConsoleSession.OpenAsync(fixture);
        await session.GoToJourneyAsync(journey, "instance");
        await session.Page.GetByLabel("Profile id").FillAsync(profile);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator(".facts")).ToContainTextAsync((string)instance["status"]!);
        await Assertions.Expect(session.Page.Locator("[data-current-node]")).ToHaveTextAsync((string)instance["node"]!);
        await Assertions.Expect(session.Page.Locator(".timeline > li")).ToHaveCountAsync(steps.Count);

        var onPath = session.Page.Locator(".jnode[data-on-path='true']");
        await Assertions.Expect(onPath).ToHaveCountAsync(entered.Count);
        var highlighted = (await onPath.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.nodeId)")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(entered, highlighted);
        Assert.Contains("variant", highlighted);
        Assert.Single(highlighted, id => id is "welcome-short" or "welcome-long"); // One side of the split only.

        var edges = (await session.Page.Locator(".edge-label.on-path").EvaluateAllAsync<string[]>("labels => labels.map(l => l.dataset.edgeId)"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(taken, edges);
        await Screenshots.SaveAsync(session.Page, "console-instance.png", output);
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task An_unknown_profile_is_said_to_have_no_instance()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture);
        await session.GoToJourneyAsync("abandoned-cart", "instance");
        await session.Page.GetByLabel("Profile id").FillAsync("nobody-at-all");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator(".error-box")).ToContainTextAsync("HTTP 404");
        await Assertions.Expect(session.Page.Locator(".jnode[data-on-path='true']")).ToHaveCountAsync(0);
        session.AssertNoPageErrors("404");
    }
}
