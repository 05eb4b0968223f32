using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Runtime.Connectors;
using Journeys.TestSupport.Connectors;

namespace Journeys.Runtime.Tests.Connectors;

public sealed class ConnectorAuthTests
{
    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Journeys:Secrets:MAILER_TOKEN"] = "tok-123",
        ["Journeys:Secrets:MAILER_USER"] = "user",
        ["Journeys:Secrets:MAILER_PASSWORD"] = "pw",
        ["Journeys:Secrets:LOYALTY_KEY"] = "k&y 1",

        // Host configuration that is not a secret setting: auth must never be able to name it.
        ["HOME"] = "/home/operator",
        ["Journeys:AdminKey"] = "the-admin-key",
    };

    private static async Task<(ActionOutcome Outcome, RecordedRequest? Request)> CallWith(AuthConfig auth)
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("{}"));
        using var harness = new ConnectorHarness(Secrets);
        var action = new CustomAction { Method = "POST", Url = server.Url("send"), Auth = auth };
        var outcome = await harness.Actions.InvokeAsync("send", action, ConnectorHarness.Params(), "key-1", CancellationToken.None);
        return (outcome, server.Requests.SingleOrDefault());
    }

    [Fact]
    public async Task Bearer_sends_the_configured_token()
    {
        var (outcome, request) = await CallWith(new AuthConfig { Type = AuthType.Bearer, SecretSetting = "MAILER_TOKEN" });

        Assert.Equal(ActionStatus.Ok, outcome.Status);
        Assert.Equal("Bearer tok-123", request!.Header("Authorization"));
    }

    [Fact]
    public async Task Basic_sends_user_and_password_base64_encoded()
    {
        var (_, request) = await CallWith(new AuthConfig { Type = AuthType.Basic, UserSetting = "MAILER_USER", PasswordSetting = "MAILER_PASSWORD" });

        // base64("user:pw")
        Assert.Equal("Basic dXNlcjpwdw==", request!.Header("Authorization"));
    }

    [Fact]
    public async Task Api_key_in_a_header()
    {
        var (_, request) = await CallWith(new AuthConfig { Type = AuthType.ApiKey, Header = "x-api-key", SecretSetting = "LOYALTY_KEY" });

        Assert.Equal("k&y 1", request!.Header("x-api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Api_key_in_the_query_is_escaped()
    {
        var (_, request) = await CallWith(new AuthConfig { Type = AuthType.ApiKey, Query = "apikey", SecretSetting = "LOYALTY_KEY" });

        Assert.Equal("/send?apikey=k%26y%201", request!.PathAndQuery);
    }

    [Fact]
    public async Task No_auth_sends_no_authorization_header()
    {
        var (_, request) = await CallWith(new AuthConfig { Type = AuthType.None });

        Assert.Null(request!.Header("Authorization"));
    }

    [Fact]
    public async Task A_missing_setting_is_an_error_naming_the_setting_and_nothing_is_sent()
    {
        var (outcome, request) = await CallWith(new AuthConfig { Type = AuthType.Bearer, SecretSetting = "NOT_CONFIGURED" });

        Assert.Equal(ActionStatus.Error, outcome.Status);
        Assert.Equal(ConnectorErrorCodes.AuthSettingMissing, outcome.ErrorCode);
        Assert.Contains("NOT_CONFIGURED", outcome.ErrorMessage);
        Assert.Null(request);
    }

    [Theory]
    [InlineData("HOME")]
    [InlineData("Journeys:AdminKey")]
    public async Task A_setting_name_only_resolves_inside_the_secrets_section(string outsideName)
    {
        var (outcome, request) = await CallWith(new AuthConfig { Type = AuthType.Bearer, SecretSetting = outsideName });

        Assert.Equal(ConnectorErrorCodes.AuthSettingMissing, outcome.ErrorCode);
        Assert.Contains("Journeys:Secrets:" + outsideName, outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(request);
    }

    [Fact]
    public async Task A_missing_password_does_not_reveal_the_user_name()
    {
        var (outcome, _) = await CallWith(new AuthConfig { Type = AuthType.Basic, UserSetting = "MAILER_USER", PasswordSetting = "NOPE" });

        Assert.Equal(ConnectorErrorCodes.AuthSettingMissing, outcome.ErrorCode);
        Assert.Contains("NOPE", outcome.ErrorMessage);
        Assert.DoesNotContain("user", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_key_without_header_or_query_is_an_invalid_auth_error()
    {
        var (outcome, request) = await CallWith(new AuthConfig { Type = AuthType.ApiKey, SecretSetting = "LOYALTY_KEY" });

        Assert.Equal(ConnectorErrorCodes.AuthInvalid, outcome.ErrorCode);
        Assert.Null(request);
    }

    [Fact]
    public async Task Data_sources_use_the_same_auth()
    {
        await using var server = LoopbackServer.Always(ScriptedReply.Json("""{"tier":"gold"}"""));
        using var harness = new ConnectorHarness(Secrets);
        var source = new DataSource
        {
            BaseUrl = server.BaseUri.ToString(),
            Auth = new AuthConfig { Type = AuthType.ApiKey, Header = "x-api-key", SecretSetting = "LOYALTY_KEY" },
            FieldGroups = new Dictionary<string, FieldGroup> { ["tier"] = new() { Path = "/members/p-1" } },
        };

        var outcome = await harness.DataSources.FetchAsync("loyalty", source, "tier", "/members/p-1", CancellationToken.None);

        Assert.True(outcome.Ok);
        Assert.Equal("k&y 1", Assert.Single(server.Requests).Header("x-api-key"));
    }
}
