namespace Journeys.Runtime.Connectors;

/// <summary>Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients the connectors use.</summary>
public static class ConnectorHttpClients
{
    public const string Actions = "journeys-actions";

    public const string DataSources = "journeys-datasources";

    /// <summary>The same client without connection reuse, for endpoints that close after each response (HTTP/1.0).</summary>
    public static string SingleUse(string name) => name + SingleUseSuffix;

    public static bool IsSingleUse(string name) => name?.EndsWith(SingleUseSuffix, StringComparison.Ordinal) ?? false;

    private const string SingleUseSuffix = "-single-use";
}
