using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Conformance;

/// <summary>
/// The configuration of the conformance suite: the samples (copied to each test project's output as
/// <c>samples/</c>) and the suite's own small journeys (<c>Conformance/Configuration</c>, copied with
/// Journeys.TestSupport). Every action and data source is pointed at one loopback server, under a path prefix naming
/// it, so that the recorded requests say which one was called. The samples' waits are shortened to seconds: Durable
/// timers run in real time (docs/decisions.md), and both hosts run the same journeys.
/// </summary>
public static class ConformanceCatalog
{
    /// <summary>Sample waits → seconds.</summary>
    private static readonly Dictionary<string, string> ShortWaits = new(StringComparer.Ordinal)
    {
        ["PT1H"] = "PT3S",
        ["P1D"] = "PT1S",
        ["P2D"] = "PT3S",
    };

    /// <summary>The secrets the samples' actions and data source name, as a host's configuration holds them.</summary>
    public static IReadOnlyDictionary<string, string?> Secrets { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Journeys:Secrets:MAILER_TOKEN"] = "mailer-token",
        ["Journeys:Secrets:LOYALTY_KEY"] = "loyalty-key",
        ["Journeys:Secrets:BILLING_USER"] = "billing",
        ["Journeys:Secrets:BILLING_PASSWORD"] = "secret",
    };

    // Read anew each time: the definitions are mutable objects, and each host points them at its own server.
    private static ConfigurationBundle Samples => ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));

    private static ConfigurationBundle Suite => ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "Conformance", "Configuration"));

    /// <summary>Puts every event definition, data source and action of the samples and of the suite, pointed at <paramref name="services"/>.</summary>
    public static async Task DefineAsync(CatalogService catalog, LoopbackServer services)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(services);
        foreach (var bundle in new[] { Samples, Suite })
        {
            foreach (var (id, body) in bundle.Events)
            {
                Succeeded(await catalog.PutEventDefinitionAsync(id, body));
            }

            foreach (var (id, body) in bundle.DataSources)
            {
                body.BaseUrl = services.Url(id).TrimEnd('/');
                Succeeded(await catalog.PutDataSourceAsync(id, body));
            }

            foreach (var (id, body) in bundle.Actions)
            {
                // The path keeps its template ({{params.paymentId}}), under a prefix naming the action.
                body.Url = services.BaseUri + id + body.Url![body.Url!.IndexOf('/', "https://".Length)..];
                Succeeded(await catalog.PutCustomActionAsync(id, body));
            }
        }
    }

    /// <summary>Writes the draft of a sample (waits shortened) or of a suite journey.</summary>
    public static async Task PutDraftAsync(CatalogService catalog, string journeyId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Succeeded(await catalog.PutJourneyDraftAsync(journeyId, Journey(journeyId)));
    }

    /// <summary>Writes the draft and publishes it; returns the new live version.</summary>
    public static async Task<int> PublishAsync(CatalogService catalog, string journeyId)
    {
        await PutDraftAsync(catalog, journeyId);
        return await PublishDraftAsync(catalog, journeyId);
    }

    /// <summary>Publishes the draft as it is (a new version even when unchanged); returns the new live version.</summary>
    public static async Task<int> PublishDraftAsync(CatalogService catalog, string journeyId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var published = await catalog.PublishJourneyAsync(journeyId);
        Assert.True(
            published.Succeeded,
            $"{journeyId}: {published.Failure?.Message} {string.Join("; ", published.Failure?.Issues.Select(i => $"{i.Code} {i.Path} {i.Message}") ?? [])}");
        return published.Value!.LiveVersion!.Value;
    }

    private static Journey Journey(string journeyId)
    {
        if (Suite.Journeys.TryGetValue(journeyId, out var own))
        {
            return own;
        }

        var text = ContractJson.Write(Samples.Journeys[journeyId]);
        foreach (var (from, to) in ShortWaits)
        {
            text = text.Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal);
        }

        return ContractJson.ReadJourney(text).Value ?? throw new InvalidOperationException($"The rewritten sample '{journeyId}' does not read back.");
    }

    private static void Succeeded<T>(CatalogResult<T> result) => Assert.True(result.Succeeded, result.Failure?.Message);
}
