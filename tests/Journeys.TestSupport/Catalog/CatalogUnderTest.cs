using Journeys.Core.Model;
using Journeys.Runtime.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.TestSupport.Catalog;

/// <summary>The journey catalog and the three resource catalogs over it, wired as both hosts wire them.</summary>
public sealed class CatalogUnderTest
{
    public CatalogUnderTest(
        ICatalogStore store,
        ICatalogValidator? validator = null,
        TimeProvider? time = null,
        IEnumerable<IJourneyLifecycleObserver>? observers = null)
        : this(new JourneyCatalog(store, validator, time, observers))
    {
    }

    private CatalogUnderTest(JourneyCatalog journeys)
        : this(journeys, new(journeys), new(journeys), new(journeys))
    {
    }

    private CatalogUnderTest(
        JourneyCatalog journeys, ResourceCatalog<EventDefinition> events, ResourceCatalog<DataSource> dataSources, ResourceCatalog<CustomAction> actions)
    {
        Journeys = journeys;
        Events = events;
        DataSources = dataSources;
        Actions = actions;
    }

    public JourneyCatalog Journeys { get; }

    public ResourceCatalog<EventDefinition> Events { get; }

    public ResourceCatalog<DataSource> DataSources { get; }

    public ResourceCatalog<CustomAction> Actions { get; }

    /// <summary>The catalogs a host's services registered (<see cref="JourneyCatalogServiceCollectionExtensions.AddJourneyCatalog"/>).</summary>
    public static CatalogUnderTest From(IServiceProvider services) => new(
        services.GetRequiredService<JourneyCatalog>(),
        services.GetRequiredService<ResourceCatalog<EventDefinition>>(),
        services.GetRequiredService<ResourceCatalog<DataSource>>(),
        services.GetRequiredService<ResourceCatalog<CustomAction>>());
}
