using Deque.AxeCore.Playwright;
using Journeys.Console.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Journeys.Console.Tests.Views;

/// <summary>axe-core on every view, in the states an admin sees: no serious or critical violation.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task No_view_has_serious_or_critical_accessibility_violations()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, signIn: false);
        var page = session.Page;
        var found = new List<string>();

        await CheckAsync("sign-in");
        await session.SignInAsync(fixture.AdminKey);
        await Assertions.Expect(page.Locator("tr[data-journey='abandoned-cart'] [data-count='entered']")).Not.ToHaveTextAsync("…");
        await CheckAsync("journeys list");

        await session.GoToJourneyAsync("abandoned-cart", "overview");
        await CheckAsync("canvas with counts");

        await session.GoToJourneyAsync("abandoned-cart", "draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await CheckAsync("draft editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await CheckAsync("publish confirmation");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await session.GoToJourneyAsync("welcome-series", "instance");
        await page.GetByLabel("Profile id").FillAsync("shopper-00000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToBeVisibleAsync();
        await CheckAsync("instance with its path");

        await session.GoToJourneyAsync("abandoned-cart", "test");
        await Assertions.Expect(page.Locator(".test .cm-content")).ToBeVisibleAsync();
        await CheckAsync("test view");

        Assert.True(found.Count == 0, string.Join('\n', found));
        session.AssertNoPageErrors();

        async Task CheckAsync(string view)
        {
            var result = await page.RunAxe();
            foreach (var violation in result.Violations)
            {
                var line = $"{view}: {violation.Impact} {violation.Id} ({violation.Help}) at {string.Join("; ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}";
                output.WriteLine(line);
                if (violation.Impact is "serious" or "critical")
                {
                    found.Add(line);
                }
            }
        }
    }
}
