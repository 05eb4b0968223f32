using Journeys.Core.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Runtime.Catalog;

/// <summary>Registers the catalog both hosts serve: the <see cref="JourneyCatalog"/> and a <see cref="ResourceCatalog{T}"/> per resource kind over it.</summary>
public static class JourneyCatalogServiceCollectionExtensions
{
    /// <summary>
    /// Registers the journey catalog <paramref name="create"/> builds (each host picks its store, validator and
    /// lifecycle observers) and the event definition, data source and custom action catalogs over it, as singletons.
    /// </summary>
    public static IServiceCollection AddJourneyCatalog(this IServiceCollection services, Func<IServiceProvider, JourneyCatalog> create)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton(create);
        services.AddSingleton<ResourceCatalog<EventDefinition>>();
        services.AddSingleton<ResourceCatalog<DataSource>>();
        services.AddSingleton<ResourceCatalog<CustomAction>>();
        return services;
    }
}
