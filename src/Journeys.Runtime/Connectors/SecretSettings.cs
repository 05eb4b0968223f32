using Journeys.Core.Model;
using Microsoft.Extensions.Configuration;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Where the secrets named by <c>*Setting</c> live: only under the configuration section <c>Journeys:Secrets</c>
/// (environment <c>Journeys__Secrets__NAME</c>, app setting of the same name in Azure). Anyone with the admin key
/// can name a setting and send it to a URL of their choice, so a name must never reach the rest of the host's
/// configuration (<c>HOME</c>, connection strings, the API keys).
/// </summary>
public static class SecretSettings
{
    public const string Section = "Journeys:Secrets";

    /// <summary>The value of setting <paramref name="name"/>, or null when it is not configured.</summary>
    public static string? Read(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetSection(Section)[name];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The configuration key of a setting, as messages show it.</summary>
    public static string ConfigurationKey(string name) => Section + ":" + name;

    /// <summary>The environment variable that sets it.</summary>
    public static string EnvironmentVariable(string name) => (Section + ":" + name).Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The setting names an auth block uses (none for <c>none</c>).</summary>
    public static IEnumerable<string> Names(AuthConfig? auth)
    {
        if (auth is null)
        {
            yield break;
        }

        foreach (var name in new[] { auth.SecretSetting, auth.UserSetting, auth.PasswordSetting })
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                yield return name;
            }
        }
    }
}
