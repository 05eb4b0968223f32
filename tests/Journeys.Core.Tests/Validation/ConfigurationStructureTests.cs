using System.Text.Json;
using Journeys.Core.Model;
using Journeys.Core.Validation;
using static Journeys.Core.Tests.Validation.ValidationAssert;

namespace Journeys.Core.Tests.Validation;

/// <summary>
/// Data-source and custom-action rules that need no expression: the bodies here hold no template placeholder.
/// Event definitions always hold expressions, so their rules are in <see cref="ConfigurationExpressionValidationTests"/>.
/// </summary>
public sealed class ConfigurationStructureTests
{
    [Theory]
    [InlineData("cart.abandoned")]
    [InlineData("A_b-9")]
    public void Valid_ids_pass(string id)
    {
        NoIssues(ConfigurationValidator.ValidateId(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cart abandoned")]
    [InlineData("cart/abandoned")]
    [InlineData("é")]
    public void Invalid_ids_are_an_error(string id)
    {
        SingleError(ConfigurationValidator.ValidateId(id), "ID_INVALID", "$");
    }

    [Fact]
    public void Invalid_resource_id_is_reported_by_body_validation()
    {
        var result = ConfigurationValidator.Validate("bad id", Source());

        SingleError(result, "ID_INVALID", "$");
    }

    [Fact]
    public void Valid_data_source_has_no_issues()
    {
        NoIssues(ConfigurationValidator.Validate("loyalty", Source()));
    }

    [Fact]
    public void Data_source_without_base_url_is_an_error()
    {
        var source = Source();
        source.BaseUrl = null;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_BASE_URL_MISSING", "$.baseUrl");
    }

    [Theory]
    [InlineData("loyalty.example.com")]
    [InlineData("/members")]
    [InlineData("ftp://loyalty.example.com")]
    [InlineData("https://loyalty.example.com/?tenant=1")]
    public void Base_url_that_is_not_absolute_http_without_query_is_an_error(string url)
    {
        var source = Source();
        source.BaseUrl = url;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_BASE_URL_INVALID", "$.baseUrl");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60001)]
    public void Data_source_timeout_outside_1_to_60000_ms_is_an_error(int timeoutMs)
    {
        var source = Source();
        source.TimeoutMs = timeoutMs;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_TIMEOUT_OUT_OF_RANGE", "$.timeoutMs");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60000)]
    public void Data_source_timeout_bounds_are_allowed(int timeoutMs)
    {
        var source = Source();
        source.TimeoutMs = timeoutMs;

        NoIssues(ConfigurationValidator.Validate("loyalty", source));
    }

    [Fact]
    public void Rate_limit_of_zero_is_an_error()
    {
        var source = Source();
        source.RateLimitPerSecond = 0;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_RATE_LIMIT_INVALID", "$.rateLimitPerSecond");
    }

    [Fact]
    public void Data_source_without_field_groups_is_an_error()
    {
        var source = Source();
        source.FieldGroups = [];

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_FIELD_GROUPS_MISSING", "$.fieldGroups");
    }

    [Fact]
    public void Field_group_id_that_is_not_an_identifier_is_an_error()
    {
        var source = Source();
        source.FieldGroups = new() { ["member-tier"] = source.FieldGroups!["tier"] };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_GROUP_ID_INVALID", "$.fieldGroups.member-tier");
    }

    [Fact]
    public void Field_group_given_as_null_is_an_error()
    {
        var source = Source();
        source.FieldGroups!["extra"] = null!;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_GROUP_NULL", "$.fieldGroups.extra");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("get")]
    [InlineData("PUT")]
    public void Field_group_method_other_than_get_or_post_is_an_error(string? method)
    {
        var source = Source();
        source.FieldGroups!["tier"].Method = method;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_METHOD_INVALID", "$.fieldGroups.tier.method");
    }

    [Fact]
    public void Field_group_method_post_is_allowed()
    {
        var source = Source();
        source.FieldGroups!["tier"].Method = "POST";

        NoIssues(ConfigurationValidator.Validate("loyalty", source));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("members")]
    public void Field_group_path_not_starting_with_a_slash_is_an_error(string? path)
    {
        var source = Source();
        source.FieldGroups!["tier"].Path = path;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_PATH_INVALID", "$.fieldGroups.tier.path");
    }

    [Fact]
    public void Negative_cache_seconds_are_an_error()
    {
        var source = Source();
        source.FieldGroups!["tier"].CacheSeconds = -1;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_CACHE_SECONDS_INVALID", "$.fieldGroups.tier.cacheSeconds");
    }

    [Fact]
    public void Zero_cache_seconds_are_allowed()
    {
        var source = Source();
        source.FieldGroups!["tier"].CacheSeconds = 0;

        NoIssues(ConfigurationValidator.Validate("loyalty", source));
    }

    [Fact]
    public void Field_group_without_fields_is_an_error()
    {
        var source = Source();
        source.FieldGroups!["tier"].Fields = [];

        SingleError(ConfigurationValidator.Validate("loyalty", source), "SOURCE_FIELDS_MISSING", "$.fieldGroups.tier.fields");
    }

    [Theory]
    [InlineData("tier level", "$.fieldGroups.tier.fields['tier level']")]
    [InlineData("1st", "$.fieldGroups.tier.fields.1st")]
    [InlineData("a..b", "$.fieldGroups.tier.fields['a..b']")]
    [InlineData("member-tier", "$.fieldGroups.tier.fields.member-tier")]
    public void Field_path_that_is_not_dotted_identifiers_is_an_error(string field, string path)
    {
        var source = Source();
        source.FieldGroups!["tier"].Fields![field] = FieldType.String;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "FIELD_PATH_INVALID", path);
    }

    [Fact]
    public void Field_below_a_scalar_field_is_a_conflict()
    {
        var source = Source();
        source.FieldGroups!["tier"].Fields!["tier.since"] = FieldType.DateTime;

        SingleError(ConfigurationValidator.Validate("loyalty", source), "FIELD_PATH_CONFLICT", "$.fieldGroups.tier.fields['tier.since']");
    }

    [Fact]
    public void Field_below_an_object_field_is_allowed()
    {
        var source = Source();
        source.FieldGroups!["tier"].Fields = new() { ["member"] = FieldType.Object, ["member.since"] = FieldType.DateTime };

        NoIssues(ConfigurationValidator.Validate("loyalty", source));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("basic")]
    [InlineData("apiKeyHeader")]
    [InlineData("apiKeyQuery")]
    [InlineData("bearer")]
    public void Each_auth_type_with_its_settings_is_valid(string kind)
    {
        var source = Source();
        source.Auth = kind switch
        {
            "none" => new AuthConfig { Type = AuthType.None },
            "basic" => new AuthConfig { Type = AuthType.Basic, UserSetting = "LOYALTY_USER", PasswordSetting = "LOYALTY_PASSWORD" },
            "apiKeyHeader" => new AuthConfig { Type = AuthType.ApiKey, Header = "x-api-key", SecretSetting = "LOYALTY_KEY" },
            "apiKeyQuery" => new AuthConfig { Type = AuthType.ApiKey, Query = "key", SecretSetting = "Loyalty:Key" },
            _ => new AuthConfig { Type = AuthType.Bearer, SecretSetting = "LOYALTY_TOKEN" },
        };

        NoIssues(ConfigurationValidator.Validate("loyalty", source));
    }

    [Fact]
    public void Bearer_without_secret_setting_is_an_error()
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.Bearer };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_SETTING_MISSING", "$.auth.secretSetting");
    }

    [Fact]
    public void Basic_without_password_setting_is_an_error()
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.Basic, UserSetting = "LOYALTY_USER" };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_SETTING_MISSING", "$.auth.passwordSetting");
    }

    [Fact]
    public void Setting_name_that_looks_like_a_secret_is_an_error()
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.Bearer, SecretSetting = "eyJhbGciOi JIUzI1NiJ9==" };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_SETTING_INVALID", "$.auth.secretSetting");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("x-api-key", "key")]
    public void Api_key_needs_exactly_one_of_header_or_query(string? header, string? query)
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.ApiKey, Header = header, Query = query, SecretSetting = "LOYALTY_KEY" };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_API_KEY_PLACEMENT", "$.auth");
    }

    [Fact]
    public void Api_key_header_that_is_not_a_header_name_is_an_error()
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.ApiKey, Header = "api key", SecretSetting = "LOYALTY_KEY" };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_API_KEY_PLACEMENT", "$.auth.header");
    }

    [Fact]
    public void Property_another_auth_type_uses_is_an_error()
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.Bearer, SecretSetting = "LOYALTY_TOKEN", Header = "x-token" };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_PROPERTY_UNEXPECTED", "$.auth.header");
    }

    [Fact]
    public void Auth_none_with_a_setting_is_an_error()
    {
        var source = Source();
        source.Auth = new AuthConfig { Type = AuthType.None, SecretSetting = "LOYALTY_TOKEN" };

        SingleError(ConfigurationValidator.Validate("loyalty", source), "AUTH_PROPERTY_UNEXPECTED", "$.auth.secretSetting");
    }

    [Fact]
    public void Valid_custom_action_has_no_issues()
    {
        NoIssues(ConfigurationValidator.Validate("send-email", Action()));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public void Each_action_method_is_allowed(string method)
    {
        var action = Action();
        action.Method = method;

        NoIssues(ConfigurationValidator.Validate("send-email", action));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("post")]
    [InlineData("HEAD")]
    public void Other_action_methods_are_an_error(string? method)
    {
        var action = Action();
        action.Method = method;

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_METHOD_INVALID", "$.method");
    }

    [Fact]
    public void Action_without_url_is_an_error()
    {
        var action = Action();
        action.Url = " ";

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_URL_MISSING", "$.url");
    }

    [Theory]
    [InlineData("mailer.example.com/send")]
    [InlineData("ftp://mailer.example.com/send")]
    [InlineData("https://{{params.host}}/send")]
    [InlineData("{{params.url}}")]
    public void Action_url_that_is_not_absolute_http_with_a_literal_host_is_an_error(string url)
    {
        var action = Action();
        action.Url = url;

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_URL_INVALID", "$.url");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60001)]
    public void Action_timeout_outside_1_to_60000_ms_is_an_error(int timeoutMs)
    {
        var action = Action();
        action.TimeoutMs = timeoutMs;

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_TIMEOUT_OUT_OF_RANGE", "$.timeoutMs");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Max_retries_outside_0_to_10_is_an_error(int retries)
    {
        var action = Action();
        action.MaxRetries = retries;

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_MAX_RETRIES_OUT_OF_RANGE", "$.maxRetries");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Max_retries_bounds_are_allowed(int retries)
    {
        var action = Action();
        action.MaxRetries = retries;

        NoIssues(ConfigurationValidator.Validate("send-email", action));
    }

    [Fact]
    public void Cap_per_minute_below_one_is_an_error()
    {
        var action = Action();
        action.CapPerMinute = 0;

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_CAP_INVALID", "$.capPerMinute");
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("Idempotency-Key")]
    [InlineData("Host")]
    public void Headers_the_engine_or_auth_owns_are_forbidden(string header)
    {
        var action = Action();
        action.Headers![header] = "x";

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_HEADER_FORBIDDEN", $"$.headers.{header}");
    }

    [Fact]
    public void Header_carrying_the_api_key_is_forbidden()
    {
        var action = Action();
        action.Auth = new AuthConfig { Type = AuthType.ApiKey, Header = "X-Api-Key", SecretSetting = "MAILER_KEY" };
        action.Headers!["x-api-key"] = "literal";

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_HEADER_FORBIDDEN", "$.headers.x-api-key");
    }

    [Fact]
    public void Header_with_an_invalid_name_is_an_error()
    {
        var action = Action();
        action.Headers!["x campaign"] = "cart";

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_HEADER_INVALID", "$.headers['x campaign']");
    }

    [Fact]
    public void Query_parameter_carrying_the_api_key_is_an_error()
    {
        var action = Action();
        action.Auth = new AuthConfig { Type = AuthType.ApiKey, Query = "key", SecretSetting = "MAILER_KEY" };
        action.Query = new() { ["key"] = "literal", ["lang"] = "en" };

        SingleError(ConfigurationValidator.Validate("send-email", action), "ACTION_QUERY_INVALID", "$.query.key");
    }

    [Fact]
    public void Action_param_name_that_is_not_an_identifier_is_an_error()
    {
        var action = Action();
        action.Params!["e-mail"] = FieldType.String;

        SingleError(ConfigurationValidator.Validate("send-email", action), "FIELD_PATH_INVALID", "$.params.e-mail");
    }

    [Fact]
    public void Response_field_below_a_scalar_is_a_conflict()
    {
        var action = Action();
        action.ResponseFields!["messageId.part"] = FieldType.String;

        SingleError(ConfigurationValidator.Validate("send-email", action), "FIELD_PATH_CONFLICT", "$.responseFields['messageId.part']");
    }

    [Fact]
    public void Auth_of_an_action_follows_the_same_rules()
    {
        var action = Action();
        action.Auth = new AuthConfig { Type = AuthType.Basic, UserSetting = "MAILER_USER" };

        SingleError(ConfigurationValidator.Validate("send-email", action), "AUTH_SETTING_MISSING", "$.auth.passwordSetting");
    }

    [Fact]
    public void Every_action_problem_is_returned_at_once_ordered_by_path()
    {
        var action = Action();
        action.Method = "SEND";
        action.TimeoutMs = 0;
        action.MaxRetries = 50;
        action.Headers!["Authorization"] = "Bearer abc";

        var result = ConfigurationValidator.Validate("send-email", action);

        Assert.Equal(
            [
                ("ACTION_HEADER_FORBIDDEN", "$.headers.Authorization"),
                ("ACTION_MAX_RETRIES_OUT_OF_RANGE", "$.maxRetries"),
                ("ACTION_METHOD_INVALID", "$.method"),
                ("ACTION_TIMEOUT_OUT_OF_RANGE", "$.timeoutMs"),
            ],
            result.Errors.Select(e => (e.Code, e.Path)).ToArray());
    }

    /// <summary>The loyalty source of SPEC §2, with a literal path so that no template is compiled.</summary>
    private static DataSource Source() => new()
    {
        BaseUrl = "https://loyalty.example.com",
        Auth = new AuthConfig { Type = AuthType.ApiKey, Header = "x-api-key", SecretSetting = "LOYALTY_KEY" },
        TimeoutMs = 5000,
        RateLimitPerSecond = 15,
        FieldGroups = new()
        {
            ["tier"] = new FieldGroup
            {
                Method = "GET",
                Path = "/members/current",
                CacheSeconds = 300,
                Fields = new() { ["tier"] = FieldType.String, ["points"] = FieldType.Number },
            },
        },
    };

    /// <summary>The mailer action of SPEC §2 without placeholders, so that no template is compiled.</summary>
    private static CustomAction Action() => new()
    {
        Method = "POST",
        Url = "https://mailer.example.com/send",
        Headers = new() { ["x-campaign"] = "cart" },
        Auth = new AuthConfig { Type = AuthType.Bearer, SecretSetting = "MAILER_TOKEN" },
        Params = new() { ["email"] = FieldType.String, ["total"] = FieldType.Number },
        Body = JsonDocument.Parse("""{ "to": "fixed@example.com", "subject": "You left items behind", "count": 1 }""").RootElement,
        TimeoutMs = 10000,
        MaxRetries = 3,
        CapPerMinute = 300000,
        ResponseFields = new() { ["messageId"] = FieldType.String },
    };
}
