using System.Text;
using Journeys.Core.Model;
using Microsoft.Extensions.Configuration;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Reads the secrets an <see cref="AuthConfig"/> names from the <see cref="SecretSettings"/> section of configuration.
/// Messages name the missing setting, never a value, so outcomes and step events can be shown to anyone.
/// </summary>
internal static class AuthResolver
{
    public static ResolvedAuth Resolve(AuthConfig? auth, IConfiguration configuration)
    {
        if (auth is null)
        {
            return ResolvedAuth.None;
        }

        switch (auth.Type)
        {
            case AuthType.None:
                return ResolvedAuth.None;
            case AuthType.Basic:
                var user = Setting(configuration, auth.UserSetting, "userSetting");
                var password = Setting(configuration, auth.PasswordSetting, "passwordSetting");
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
                return new ResolvedAuth("Authorization", "Basic " + token, null, null);
            case AuthType.Bearer:
                return new ResolvedAuth("Authorization", "Bearer " + Setting(configuration, auth.SecretSetting, "secretSetting"), null, null);
            case AuthType.ApiKey:
                var key = Setting(configuration, auth.SecretSetting, "secretSetting");
                if (!string.IsNullOrEmpty(auth.Header))
                {
                    if (HeaderRules.IsInvalidValue(key))
                    {
                        throw new ConnectorFailureException(ConnectorErrorCodes.AuthInvalid, $"The setting '{auth.SecretSetting}' holds a value that cannot be sent in a header.");
                    }

                    return new ResolvedAuth(auth.Header, key, null, null);
                }

                if (!string.IsNullOrEmpty(auth.Query))
                {
                    return new ResolvedAuth(null, null, auth.Query, key);
                }

                throw new ConnectorFailureException(ConnectorErrorCodes.AuthInvalid, "apiKey auth needs 'header' or 'query'.");
            default:
                throw new ConnectorFailureException(ConnectorErrorCodes.AuthInvalid, $"Unsupported auth type '{auth.Type}'.");
        }
    }

    /// <summary>
    /// The credentials as <see cref="Resolve"/> would place them, with every secret replaced by
    /// <see cref="ResolvedAuth.Mask"/>: what a simulation shows, needing no setting at all.
    /// </summary>
    public static ResolvedAuth Masked(AuthConfig? auth) => auth?.Type switch
    {
        AuthType.Basic => new ResolvedAuth("Authorization", "Basic " + ResolvedAuth.Mask, null, null),
        AuthType.Bearer => new ResolvedAuth("Authorization", "Bearer " + ResolvedAuth.Mask, null, null),
        AuthType.ApiKey when !string.IsNullOrEmpty(auth.Header) => new ResolvedAuth(auth.Header, ResolvedAuth.Mask, null, null),
        AuthType.ApiKey when !string.IsNullOrEmpty(auth.Query) => new ResolvedAuth(null, null, auth.Query, ResolvedAuth.Mask),
        _ => ResolvedAuth.None,
    };

    private static string Setting(IConfiguration configuration, string? settingName, string property)
    {
        if (string.IsNullOrWhiteSpace(settingName))
        {
            throw new ConnectorFailureException(ConnectorErrorCodes.AuthInvalid, $"Auth '{property}' is not set.");
        }

        var value = SecretSettings.Read(configuration, settingName);
        if (value is null)
        {
            throw new ConnectorFailureException(
                ConnectorErrorCodes.AuthSettingMissing,
                $"The secret setting '{settingName}' (auth {property}) is not configured: set {SecretSettings.ConfigurationKey(settingName)} (environment {SecretSettings.EnvironmentVariable(settingName)}).");
        }

        return value;
    }
}
