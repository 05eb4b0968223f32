using System.Text.Json;
using Journeys.Core.Model;
using Journeys.Core.Validation;
using static Journeys.Core.Tests.Validation.ValidationAssert;

namespace Journeys.Core.Tests.Validation;

/// <summary>
/// Configuration rules that need the expression language: event rules (which always hold expressions),
/// data-source path templates and custom-action templates.
/// </summary>
public sealed class ConfigurationExpressionValidationTests
{
    [Fact]
    public void Event_definition_of_the_spec_is_valid()
    {
        NoIssues(ConfigurationValidator.Validate("cart.abandoned", Event()));
    }

    [Fact]
    public void Event_definition_without_match_is_an_error()
    {
        var definition = Event();
        definition.Match = null;

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EVENT_MATCH_MISSING", "$.match");
    }

    [Fact]
    public void Event_definition_without_profile_id_is_an_error()
    {
        var definition = Event();
        definition.ProfileId = "";

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EVENT_PROFILE_ID_MISSING", "$.profileId");
    }

    [Fact]
    public void Event_definition_without_event_key_is_a_warning()
    {
        var definition = Event();
        definition.EventKey = null;

        var result = ConfigurationValidator.Validate("cart.abandoned", definition);

        NoErrors(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("EVENT_KEY_MISSING", "$.eventKey"), (warning.Code, warning.Path));
    }

    [Fact]
    public void Required_field_that_is_not_declared_is_an_error()
    {
        var definition = Event();
        definition.Required = ["id", "cart.idd"];

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EVENT_REQUIRED_UNDECLARED", "$.required[1]");
    }

    [Fact]
    public void Event_field_path_with_a_space_is_an_error()
    {
        var definition = Event();
        definition.Fields!["customer name"] = FieldType.String;

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "FIELD_PATH_INVALID", "$.fields['customer name']");
    }

    [Fact]
    public void Match_that_is_not_boolean_is_an_error()
    {
        var definition = Event();
        definition.Match = "type";

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EXPR_TYPE_MISMATCH", "$.match");
    }

    [Fact]
    public void Match_reading_an_undeclared_field_is_an_error()
    {
        var definition = Event();
        definition.Match = "typ == 'cart.abandoned'";

        var error = SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EXPR_UNKNOWN_FIELD", "$.match");
        Assert.StartsWith("at character 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_id_that_is_a_number_is_an_error()
    {
        var definition = Event();
        definition.ProfileId = "cart.total";

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EXPR_TYPE_MISMATCH", "$.profileId");
    }

    [Fact]
    public void Event_key_that_is_a_boolean_is_an_error()
    {
        var definition = Event();
        definition.EventKey = "id == 'x'";

        SingleError(ConfigurationValidator.Validate("cart.abandoned", definition), "EXPR_TYPE_MISMATCH", "$.eventKey");
    }

    [Fact]
    public void Event_definition_without_fields_reads_any_member()
    {
        var definition = new EventDefinition { Match = "kind == 'ping'", ProfileId = "user", EventKey = "id" };

        NoIssues(ConfigurationValidator.Validate("ping", definition));
    }

    [Fact]
    public void Data_source_path_with_a_profile_placeholder_is_valid()
    {
        NoIssues(ConfigurationValidator.Validate("loyalty", SourceWithPath("/members/{profile.id}")));
    }

    [Fact]
    public void Data_source_path_with_an_unknown_root_is_an_error()
    {
        SingleError(ConfigurationValidator.Validate("loyalty", SourceWithPath("/members/{profil.id}")), "EXPR_UNKNOWN_ROOT", "$.fieldGroups.tier.path");
    }

    [Fact]
    public void Data_source_path_with_an_unclosed_placeholder_is_an_error()
    {
        SingleError(ConfigurationValidator.Validate("loyalty", SourceWithPath("/members/{profile.id")), "EXPR_UNTERMINATED_PLACEHOLDER", "$.fieldGroups.tier.path");
    }

    [Fact]
    public void Custom_action_of_the_spec_is_valid()
    {
        NoIssues(ConfigurationValidator.Validate("send-email", Action()));
    }

    [Fact]
    public void Url_placeholder_in_the_path_is_allowed()
    {
        var action = Action();
        action.Url = "https://mailer.example.com/send/{{params.email}}";

        NoIssues(ConfigurationValidator.Validate("send-email", action));
    }

    [Fact]
    public void Url_placeholder_with_an_undeclared_param_is_an_error()
    {
        var action = Action();
        action.Url = "https://mailer.example.com/send/{{params.emial}}";

        SingleError(ConfigurationValidator.Validate("send-email", action), "EXPR_UNKNOWN_FIELD", "$.url");
    }

    [Fact]
    public void Header_template_with_an_undeclared_param_is_an_error()
    {
        var action = Action();
        action.Headers!["x-campaign"] = "cart-{{params.totl}}";

        SingleError(ConfigurationValidator.Validate("send-email", action), "EXPR_UNKNOWN_FIELD", "$.headers.x-campaign");
    }

    [Fact]
    public void Query_template_with_an_undeclared_param_is_an_error()
    {
        var action = Action();
        action.Query = new() { ["to"] = "{{params.mail}}" };

        SingleError(ConfigurationValidator.Validate("send-email", action), "EXPR_UNKNOWN_FIELD", "$.query.to");
    }

    [Fact]
    public void Body_template_error_points_into_the_body()
    {
        var action = Action();
        action.Body = JsonDocument.Parse("""{ "to": "{{params.emial}}", "subject": "You left {{params.total}} EUR behind" }""").RootElement;

        SingleError(ConfigurationValidator.Validate("send-email", action), "EXPR_UNKNOWN_FIELD", "$.body.to");
    }

    private static EventDefinition Event() => new()
    {
        Description = "Shopper left items in the cart",
        Match = "type == 'cart.abandoned'",
        ProfileId = "customer.id",
        EventKey = "id",
        Fields = new()
        {
            ["id"] = FieldType.String,
            ["type"] = FieldType.String,
            ["customer.id"] = FieldType.String,
            ["customer.email"] = FieldType.String,
            ["cart.id"] = FieldType.String,
            ["cart.total"] = FieldType.Number,
            ["occurredAt"] = FieldType.DateTime,
        },
        Required = ["id", "customer.id", "cart.id"],
    };

    private static DataSource SourceWithPath(string path) => new()
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
                Path = path,
                CacheSeconds = 300,
                Fields = new() { ["tier"] = FieldType.String, ["points"] = FieldType.Number },
            },
        },
    };

    /// <summary>The mailer action of SPEC §2, templates included.</summary>
    private static CustomAction Action() => new()
    {
        Method = "POST",
        Url = "https://mailer.example.com/send",
        Headers = new() { ["x-campaign"] = "cart" },
        Auth = new AuthConfig { Type = AuthType.Bearer, SecretSetting = "MAILER_TOKEN" },
        Params = new() { ["email"] = FieldType.String, ["total"] = FieldType.Number },
        Body = JsonDocument.Parse("""{ "to": "{{params.email}}", "subject": "You left {{params.total}} EUR behind" }""").RootElement,
        TimeoutMs = 10000,
        MaxRetries = 3,
        CapPerMinute = 300000,
        ResponseFields = new() { ["messageId"] = FieldType.String },
    };
}
