using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// The keys of a Functions app and what each grants, as the Functions host decides it before the worker runs: the
/// master key (<c>_master</c>) grants <see cref="AuthorizationLevel.Admin"/>; a host key grants
/// <see cref="AuthorizationLevel.Function"/> on every function; a function key grants
/// <see cref="AuthorizationLevel.Function"/> on its own function only. The key is read from the
/// <c>x-functions-key</c> header, else from the <c>code</c> query parameter.
/// </summary>
internal sealed class FunctionKeys(string masterKey, IReadOnlyDictionary<string, string> hostKeys, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> functionKeys)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public string MasterKey { get; } = masterKey;

    /// <summary>Host keys by name (e.g. <c>admins</c>).</summary>
    public IReadOnlyDictionary<string, string> HostKeys { get; } = hostKeys;

    /// <summary>Function keys by function name, then key name (e.g. <c>Ingest</c> → <c>producer</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ByFunction { get; } = functionKeys;

    /// <summary>The level a presented key reaches on <paramref name="function"/>: Anonymous when it is missing or unknown there.</summary>
    public AuthorizationLevel LevelOf(string? presented, string function)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return AuthorizationLevel.Anonymous;
        }

        if (Same(presented, MasterKey))
        {
            return AuthorizationLevel.Admin;
        }

        var own = ByFunction.TryGetValue(function, out var keys) ? keys.Values : [];
        return HostKeys.Values.Concat(own).Any(key => Same(presented, key)) ? AuthorizationLevel.Function : AuthorizationLevel.Anonymous;
    }

    private static bool Same(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));
}
