namespace Journeys.Connectors;

/// <summary>Names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients the connectors use.</summary>
public static class ConnectorHttpClients
{
    public const string Actions = "journeys-actions";

    public const string DataSources = "journeys-datasources";
}
