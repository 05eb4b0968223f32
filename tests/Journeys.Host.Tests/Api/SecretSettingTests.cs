using System.Net;
using System.Text.Json.Nodes;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>
/// Issue 11 item 7: URLs never carry credentials, and validate/publish warn when a secret a journey needs is not
/// configured on this host (under <c>Journeys:Secrets</c>, the only place setting names resolve to).
/// </summary>
public sealed class SecretSettingTests
{
    [Theory]
    [InlineData("datasources/loyalty", "datasources/loyalty.json", "https://loyalty.example.com", "https://user:pa55word@loyalty.example.com", "$.baseUrl")]
    [InlineData("actions/send-email", "actions/send-email.json", "https://mailer.example.com/send", "https://user:pa55word@mailer.example.com/send", "$.url")]
    [InlineData("actions/send-email", "actions/send-email.json", "https://mailer.example.com/send", "https://pa55word@mailer.example.com/send", "$.url")]
    public async Task Put_refuses_a_url_with_user_info_without_echoing_it(string route, string sample, string url, string withUserInfo, string path)
    {
        await using var api = await ApiHost.StartAsync();
        var body = SampleFiles.Read(sample).Replace(url, withUserInfo, StringComparison.Ordinal);
        Assert.Contains(withUserInfo, body, StringComparison.Ordinal);

        using var response = await api.PutAsync("/api/" + route, body);

        var problem = await response.ProblemAsync(400);
        Assert.Equal(["URL_USER_INFO"], problem.Codes());
        Assert.Equal([path], problem.Paths());
        Assert.DoesNotContain("pa55word", problem.ToJsonString(), StringComparison.Ordinal);
        using var get = await api.Admin.GetAsync("/api/" + route);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Validate_and_publish_warn_about_each_secret_setting_this_host_lacks()
    {
        await using var api = await ApiHost.StartAsync(o =>
        {
            o.Configuration.Remove("Journeys:Secrets:MAILER_TOKEN");
            o.Configuration.Remove("Journeys:Secrets:LOYALTY_KEY");
            o.Configuration["MAILER_TOKEN"] = "outside the secrets section: does not count";
        });
        await ManagementApiContract.DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));

        using var validate = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/validate");
        var validation = await validate.JsonAsync();
        Assert.True((bool)validation["valid"]!);
        var warnings = NotConfigured(validation["warnings"]!);
        // One per node that would fail: both email nodes call send-email (MAILER_TOKEN), tier-check reads loyalty (LOYALTY_KEY).
        Assert.Equal(
            ["std-email MAILER_TOKEN", "tier-check LOYALTY_KEY", "vip-email MAILER_TOKEN"],
            warnings.Select(w => (string)w["node"]! + " " + SettingIn((string)w["message"]!)).Order(StringComparer.Ordinal));
        Assert.All(warnings, w => Assert.StartsWith("$.nodes." + (string)w["node"]!, (string)w["path"]!, StringComparison.Ordinal));

        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        var published = await publish.JsonAsync();
        Assert.Equal(1, (int)published["version"]!);
        Assert.Equal(3, NotConfigured(published["warnings"]!).Count);
    }

    [Fact]
    public async Task Configured_secrets_raise_no_warning()
    {
        await using var api = await ApiHost.StartAsync();
        await ManagementApiContract.DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));

        using var validate = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/validate");

        Assert.Empty(NotConfigured((await validate.JsonAsync())["warnings"]!));
    }

    private static string SettingIn(string message) =>
        message.Contains("Journeys__Secrets__MAILER_TOKEN", StringComparison.Ordinal) ? "MAILER_TOKEN"
        : message.Contains("Journeys__Secrets__LOYALTY_KEY", StringComparison.Ordinal) ? "LOYALTY_KEY"
        : message;

    private static List<JsonNode> NotConfigured(JsonNode warnings) =>
        warnings.AsArray().Where(w => (string)w!["code"]! == "AUTH_SETTING_NOT_CONFIGURED").Select(w => w!).ToList();
}
