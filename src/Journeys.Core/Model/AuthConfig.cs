namespace Journeys.Core.Model;

/// <summary>
/// How an outgoing call authenticates. Secrets are never part of configuration bodies: each
/// <c>*Setting</c> property names an application setting that holds the secret.
/// </summary>
public sealed class AuthConfig
{
    public AuthType Type { get; set; }

    /// <summary>For <see cref="AuthType.ApiKey"/>: the header that carries the key.</summary>
    public string? Header { get; set; }

    /// <summary>For <see cref="AuthType.ApiKey"/>: the query parameter that carries the key.</summary>
    public string? Query { get; set; }

    /// <summary>For <see cref="AuthType.ApiKey"/> and <see cref="AuthType.Bearer"/>.</summary>
    public string? SecretSetting { get; set; }

    /// <summary>For <see cref="AuthType.Basic"/>.</summary>
    public string? UserSetting { get; set; }

    /// <summary>For <see cref="AuthType.Basic"/>.</summary>
    public string? PasswordSetting { get; set; }
}
