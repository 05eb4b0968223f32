using Journeys.Core.Serialization;
using Journeys.Runtime.Bundles;

namespace Journeys.Reliability.Tests.Support;

/// <summary>
/// The sample configuration of samples/, defined through the API with every example.com URL pointed at loopback
/// mocks: the loyalty data source at one server, every custom action at another (the path kept).
/// </summary>
internal static class SampleConfiguration
{
    public static readonly IReadOnlyDictionary<string, string?> Secrets = new Dictionary<string, string?>
    {
        ["Journeys:Secrets:MAILER_TOKEN"] = "mailer-secret",
        ["Journeys:Secrets:LOYALTY_KEY"] = "loyalty-secret",
        ["Journeys:Secrets:BILLING_USER"] = "billing-user",
        ["Journeys:Secrets:BILLING_PASSWORD"] = "billing-password",
    };

    public static ConfigurationBundle Load() => ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));

    public static async Task DefineAndPublishAsync(JourneysApiClient api, Uri loyalty, Uri actions)
    {
        var samples = Load();
        foreach (var (id, definition) in samples.Events)
        {
            await api.PutOkAsync($"/api/events/{id}", ContractJson.Write(definition));
        }

        foreach (var (id, source) in samples.DataSources)
        {
            source.BaseUrl = loyalty.ToString().TrimEnd('/');

            // The sample's 15 requests/s suits a shared production service; the loopback mock takes far more.
            source.RateLimitPerSecond = 10_000;
            await api.PutOkAsync($"/api/datasources/{id}", ContractJson.Write(source));
        }

        foreach (var (id, action) in samples.Actions)
        {
            var url = action.Url!;
            var path = url[url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2)..];
            action.Url = actions.ToString().TrimEnd('/') + path;
            await api.PutOkAsync($"/api/actions/{id}", ContractJson.Write(action));
        }

        foreach (var (id, journey) in samples.Journeys)
        {
            await api.PutOkAsync($"/api/journeys/{id}", ContractJson.Write(journey));
        }

        foreach (var id in samples.Journeys.Keys.Order(StringComparer.Ordinal))
        {
            await api.PublishAsync(id);
        }
    }
}
