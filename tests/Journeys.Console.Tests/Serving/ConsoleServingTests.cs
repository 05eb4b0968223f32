using System.Net;
using System.Text.RegularExpressions;
using Journeys.Console.Tests.Support;

namespace Journeys.Console.Tests.Serving;

/// <summary>The console's files over plain HTTP: served at / without a key, under strict security headers; the data needs the key.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleServingTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_console_is_served_at_the_root_without_a_key_under_a_strict_policy()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Address };
        using var response = await anonymous.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());

        // No inline script: every script is an external file of the console's own.
        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Matches("src=\"\\./assets/[^\"]+\\.js\"", script.Value));
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_revalidated_by_etag()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Address };
        var html = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));
        var script = AssetPath().Match(html).Groups[1].Value;

        using var first = await anonymous.GetAsync(new Uri(script, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, script);
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        using var notModified = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_data_still_needs_the_admin_key()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Address };
        using var noKey = await anonymous.GetAsync(new Uri("/api/journeys", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);

        using var ingestKey = await fixture.SendAsync(fixture.Ingest, HttpMethod.Get, "api/journeys");
        Assert.Equal(HttpStatusCode.Unauthorized, ingestKey.StatusCode);
    }

    [Fact]
    public async Task An_unknown_file_is_a_404_and_the_config_points_at_the_same_origin()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Address };
        using var missing = await anonymous.GetAsync(new Uri("/assets/nothing-here.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var config = await anonymous.GetStringAsync(new Uri("/config.json", UriKind.Relative));
        Assert.Contains("\"apiBase\": \"\"", config, StringComparison.Ordinal);
        Assert.Contains("\"keyHeader\": \"x-api-key\"", config, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_printed_the_console_address_and_the_admin_key()
    {
        Assert.Contains($"Admin console: {fixture.Address}", fixture.DemoOutput, StringComparison.Ordinal);
        Assert.Contains($"Admin key:     {fixture.AdminKey}", fixture.DemoOutput, StringComparison.Ordinal);
        Assert.Contains("abandoned-cart v1 (live): entered 200", fixture.DemoOutput, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("src=\"\\./(assets/[^\"]+\\.js)\"")]
    private static partial Regex AssetPath();
}
