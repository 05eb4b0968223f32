using System.Text.Json.Nodes;
using Journeys.Console.Tests.Support;
using Microsoft.Playwright;

namespace Journeys.Console.Tests.Views;

/// <summary>The draft editor: validation problems on their nodes and lines; publish, close and stop after a confirmation.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DraftTests(ConsoleFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>JSON as an admin types it: indented, quotes and apostrophes as they are.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Typed = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task Validation_problems_of_an_edited_draft_appear_on_their_nodes_and_lines()
    {
        const string journey = "console-validation";
        await fixture.PutJourneyAsync(journey, SampleJourneys.Read("abandoned-cart").ToJsonString());
        await using var session = await ConsoleSession.OpenAsync(fixture);
        await session.GoToJourneyAsync(journey, "draft");

        // The admin types a draft with a typo in a condition and an arrow to a node that does not exist.
        var edited = SampleJourneys.Read("abandoned-cart");
        edited["nodes"]!["tier-check"]!["branches"]![0]!["when"] = "data.loyalty.tier.tierr == 'gold'";
        edited["nodes"]!["std-email"]!["next"] = "nowhere";
        await session.Page.Locator(".json-editor .cm-content").ClickAsync();
        await session.Page.Keyboard.PressAsync("Control+A");
        await session.Page.Keyboard.InsertTextAsync(edited.ToJsonString(Typed));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Not valid");

        // Validate saved the draft first; the API's own answer says which nodes are wrong.
        Assert.Equal("nowhere", (string?)(await fixture.GetJsonAsync($"api/journeys/{journey}"))["draft"]!["nodes"]!["std-email"]!["next"]);
        using var response = await fixture.SendAsync(fixture.Admin, HttpMethod.Post, $"api/journeys/{journey}/validate");
        var validation = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var issues = validation["errors"]!.AsArray().Concat(validation["warnings"]!.AsArray()).ToList();
        var wrongNodes = issues.Select(e => (string?)e!["node"]).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["std-email", "tier-check"], wrongNodes);

        foreach (var node in wrongNodes)
        {
            var expected = issues.Count(e => (string?)e!["node"] == node);
            await Assertions.Expect(session.Node(node)).ToHaveAttributeAsync("data-problems", expected.ToString());
        }

        foreach (var node in new[] { "await-order", "vip-email", "done" })
        {
            await Assertions.Expect(session.Node(node)).Not.ToHaveAttributeAsync("data-problems", new System.Text.RegularExpressions.Regex(".*"));
        }

        // The missing target is drawn as a box of its own, and every problem is listed with its code.
        await Assertions.Expect(session.Node("nowhere")).ToContainTextAsync("Missing");
        foreach (var issue in issues)
        {
            await Assertions.Expect(session.Page.Locator(".problems")).ToContainTextAsync((string)issue!["code"]!);
        }

        // In the editor, each error is marked on the text its path names.
        var marked = session.Page.Locator(".json-editor .cm-lintRange-error");
        await Assertions.Expect(marked).ToHaveCountAsync(validation["errors"]!.AsArray().Count);
        await Assertions.Expect(marked.Filter(new() { HasText = "tierr" })).ToHaveCountAsync(1);
        await Assertions.Expect(marked.Filter(new() { HasText = "nowhere" })).ToHaveCountAsync(1);
        await Assertions.Expect(session.Page.Locator(".json-editor .cm-lint-marker-error")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(session.Page, "console-draft.png", output);
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task Publishing_closing_and_stopping_from_the_console_ask_first()
    {
        const string journey = "console-publish";
        await fixture.PutJourneyAsync(journey, SampleJourneys.Read("welcome-series").ToJsonString());
        await using var session = await ConsoleSession.OpenAsync(fixture);
        var page = session.Page;
        await session.GoToJourneyAsync(journey, "draft");

        // Cancelling the confirmation publishes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("becomes version 1");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.Null((int?)(await fixture.GetJsonAsync($"api/journeys/{journey}"))["liveVersion"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Published version 1");
        var published = await fixture.GetJsonAsync($"api/journeys/{journey}");
        Assert.Equal(1, (int?)published["liveVersion"]);
        Assert.Equal("live", (string?)published["status"]);
        await Assertions.Expect(page.Locator(".canvas-caption")).ToContainTextAsync("version 1 (live)", new() { Timeout = 15_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Close…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close journey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("closed");
        Assert.Equal("closed", (string?)(await fixture.GetJsonAsync($"api/journeys/{journey}"))["status"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop…" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("cannot be undone");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stop journey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("stopped");
        Assert.Equal("stopped", (string?)(await fixture.GetJsonAsync($"api/journeys/{journey}"))["status"]);
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_shows_the_hosts_refusal_on_the_nodes()
    {
        const string journey = "console-invalid-publish";
        var invalid = SampleJourneys.Read("abandoned-cart");
        invalid["nodes"]!["vip-email"]!["action"] = "no-such-action";
        await fixture.PutJourneyAsync(journey, invalid.ToJsonString());
        await using var session = await ConsoleSession.OpenAsync(fixture);
        await session.GoToJourneyAsync(journey, "draft");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await Assertions.Expect(session.Page.Locator(".error-box")).ToContainTextAsync("HTTP 409");
        await Assertions.Expect(session.Node("vip-email")).ToHaveAttributeAsync("data-problems", new System.Text.RegularExpressions.Regex("[1-9]"));
        Assert.Null((int?)(await fixture.GetJsonAsync($"api/journeys/{journey}"))["liveVersion"]);
        session.AssertNoPageErrors("409");
    }
}
