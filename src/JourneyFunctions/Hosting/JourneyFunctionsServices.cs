using Azure.Data.Tables;
using Journeys.Api;
using Journeys.Catalog;
using Journeys.Connectors;
using Journeys.Durable;
using Journeys.Functions.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Functions.Hosting;

/// <summary>
/// Every service the functions resolve, registered once for Program and for the tests that run the app's own
/// functions on a Durable Task engine (so those tests run the wiring that is deployed).
/// </summary>
public static class JourneyFunctionsServices
{
    /// <summary>Registers the app's services over the Table service <paramref name="tableService"/> builds.</summary>
    public static IServiceCollection AddJourneyFunctions(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tableService)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tableService);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(tableService);
        services.AddSingleton<JourneyTables>();

        // Table Storage ports.
        services.AddSingleton<ICatalogStore, TableCatalogStore>();
        services.AddSingleton<IEventKeyStore, TableEventKeyStore>();
        services.AddSingleton<IExitStore, TableExitStore>();
        services.AddSingleton<ICounterStore, TableCounterStore>();
        services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        services.AddSingleton<IInstanceRecordStore, TableInstanceRecordStore>();
        services.AddSingleton<IStorageProbe, TableStorageProbe>();

        // The shared services, exactly as tested in Journeys.Azure.Tests. Orchestrations are reached through the
        // Durable client each invocation binds ([DurableClient]), passed as an argument: no service here holds one.
        services.AddSingleton(sp => new CatalogService(sp.GetRequiredService<ICatalogStore>(), time: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RoutingTableCache(sp.GetRequiredService<CatalogService>(), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(30)));
        services.AddSingleton<CompiledJourneyCache>();
        services.AddSingleton<AzureIngestion>();
        services.AddSingleton<JourneyActivities>();
        services.AddSingleton<DurableJourneyRuntime>();
        services.AddJourneyConnectors();
        services.AddJourneysApi();
        return services;
    }
}
