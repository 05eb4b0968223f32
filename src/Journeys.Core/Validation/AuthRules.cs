using System.Text.RegularExpressions;
using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>
/// Auth of data sources and custom actions: each type takes exactly its own <c>*Setting</c> names (SPEC §2) and
/// nothing else, so a body can never smuggle a secret in a property the type ignores.
/// </summary>
internal static partial class AuthRules
{
    public static void Check(AuthConfig? auth, string authPath, IssueCollector issues)
    {
        if (auth is null)
        {
            return;
        }

        switch (auth.Type)
        {
            case AuthType.None:
                Unexpected(auth.Header, "header");
                Unexpected(auth.Query, "query");
                Unexpected(auth.SecretSetting, "secretSetting");
                Unexpected(auth.UserSetting, "userSetting");
                Unexpected(auth.PasswordSetting, "passwordSetting");
                break;
            case AuthType.Basic:
                Setting(auth.UserSetting, "userSetting");
                Setting(auth.PasswordSetting, "passwordSetting");
                Unexpected(auth.Header, "header");
                Unexpected(auth.Query, "query");
                Unexpected(auth.SecretSetting, "secretSetting");
                break;
            case AuthType.ApiKey:
                CheckKeyPlacement(auth, authPath, issues);
                Setting(auth.SecretSetting, "secretSetting");
                Unexpected(auth.UserSetting, "userSetting");
                Unexpected(auth.PasswordSetting, "passwordSetting");
                break;
            case AuthType.Bearer:
                Setting(auth.SecretSetting, "secretSetting");
                Unexpected(auth.Header, "header");
                Unexpected(auth.Query, "query");
                Unexpected(auth.UserSetting, "userSetting");
                Unexpected(auth.PasswordSetting, "passwordSetting");
                break;
            default:
                issues.Error(ValidationCodes.AuthPropertyUnexpected, null, JsonPaths.Member(authPath, "type"), "Unknown auth type; use none, basic, apiKey or bearer.");
                break;
        }

        void Unexpected(string? value, string property)
        {
            if (value is not null)
            {
                issues.Error(ValidationCodes.AuthPropertyUnexpected, null, JsonPaths.Member(authPath, property), $"Auth type '{Name(auth.Type)}' does not use \"{property}\".");
            }
        }

        void Setting(string? value, string property)
        {
            var path = JsonPaths.Member(authPath, property);
            if (string.IsNullOrWhiteSpace(value))
            {
                issues.Error(ValidationCodes.AuthSettingMissing, null, path, $"Auth type '{Name(auth.Type)}' needs \"{property}\": the name of the application setting holding the secret.");
            }
            else if (!SettingName().IsMatch(value))
            {
                issues.Error(ValidationCodes.AuthSettingInvalid, null, path, $"\"{property}\" must name an application setting (letters, digits, '_', '.', ':', '-'), never hold the secret itself.");
            }
        }
    }

    /// <summary>Whether a header name is reserved by this auth (an apiKey header).</summary>
    public static bool OwnsHeader(AuthConfig? auth, string header) =>
        auth is { Type: AuthType.ApiKey, Header: { } own } && string.Equals(own, header, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a query parameter is reserved by this auth (an apiKey query parameter).</summary>
    public static bool OwnsQuery(AuthConfig? auth, string name) =>
        auth is { Type: AuthType.ApiKey, Query: { } own } && string.Equals(own, name, StringComparison.Ordinal);

    public static bool IsHeaderName(string name) => HeaderToken().IsMatch(name);

    private static void CheckKeyPlacement(AuthConfig auth, string authPath, IssueCollector issues)
    {
        var hasHeader = !string.IsNullOrWhiteSpace(auth.Header);
        var hasQuery = !string.IsNullOrWhiteSpace(auth.Query);
        if (hasHeader == hasQuery)
        {
            issues.Error(ValidationCodes.AuthApiKeyPlacement, null, authPath, "Auth type 'apiKey' needs exactly one of \"header\" or \"query\".");
        }
        else if (hasHeader && !IsHeaderName(auth.Header!))
        {
            issues.Error(ValidationCodes.AuthApiKeyPlacement, null, JsonPaths.Member(authPath, "header"), $"'{auth.Header}' is not a valid header name.");
        }
    }

    private static string Name(AuthType type) => type switch
    {
        AuthType.None => "none",
        AuthType.Basic => "basic",
        AuthType.ApiKey => "apiKey",
        AuthType.Bearer => "bearer",
        _ => type.ToString(),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$")]
    private static partial Regex SettingName();

    // RFC 9110 token characters.
    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderToken();
}
