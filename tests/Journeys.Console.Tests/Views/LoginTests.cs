using Journeys.Console.Tests.Support;
using Microsoft.Playwright;

namespace Journeys.Console.Tests.Views;

[Collection(ConsoleCollection.Name)]
public sealed class LoginTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_wrong_key_is_refused_and_the_admin_key_signs_in_for_the_session_only()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, signIn: false);
        var page = session.Page;

        await session.SignInAsync(fixture.IngestKey);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("refused");

        await session.SignInAsync(fixture.AdminKey);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Journeys", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-journey='abandoned-cart']")).ToBeVisibleAsync();

        // The key is in sessionStorage only: not in localStorage, not in a cookie, not in the URL.
        Assert.Equal(fixture.AdminKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('journeys.adminKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await session.Context.CookiesAsync());
        Assert.DoesNotContain(fixture.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.All(session.ApiRequests, r => Assert.DoesNotContain(fixture.AdminKey, r.Url, StringComparison.Ordinal));

        // A reload keeps the session; signing out forgets the key.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("tr[data-journey='abandoned-cart']")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Admin key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('journeys.adminKey')"));

        // The refused key's 401 is the one error the browser logs.
        session.AssertNoPageErrors("401");
    }

    [Fact]
    public async Task The_key_is_sent_in_the_x_api_key_header()
    {
        await using var session = await ConsoleSession.OpenAsync(fixture, signIn: false);
        var request = session.Page.WaitForRequestAsync(r => r.Url.EndsWith("/api/journeys", StringComparison.Ordinal));
        await session.SignInAsync(fixture.AdminKey);
        var headers = await (await request).AllHeadersAsync();

        Assert.Equal(fixture.AdminKey, headers["x-api-key"]);
        session.AssertNoPageErrors();
    }
}
