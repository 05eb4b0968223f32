using System.Security.Cryptography;
using System.Text;

namespace Journeys.Api.Security;

/// <summary>The two keys of the embedded host (SPEC §7). In Azure, function keys take their place.</summary>
public sealed class ApiKeys
{
    public const string HeaderName = "x-api-key";

    private readonly byte[] admin;
    private readonly byte[] ingest;

    public ApiKeys(string adminKey, string ingestKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(adminKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(ingestKey);
        if (adminKey == ingestKey)
        {
            throw new ArgumentException("The admin key and the ingest key must differ.", nameof(ingestKey));
        }

        admin = Encoding.UTF8.GetBytes(adminKey);
        ingest = Encoding.UTF8.GetBytes(ingestKey);
    }

    /// <summary>The role a presented key grants, or null when it is missing or wrong. Constant-time comparisons.</summary>
    public ApiKeyRole? RoleOf(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        if (CryptographicOperations.FixedTimeEquals(bytes, admin))
        {
            return ApiKeyRole.Admin;
        }

        return CryptographicOperations.FixedTimeEquals(bytes, ingest) ? ApiKeyRole.Ingest : null;
    }

    /// <summary>Whether a key with role <paramref name="granted"/> may use a route that requires <paramref name="required"/>.</summary>
    public static bool Allows(ApiKeyRole granted, ApiKeyRole required) => granted == ApiKeyRole.Admin || granted == required;

    /// <summary>A new random key: 32 bytes, URL-safe base64.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
