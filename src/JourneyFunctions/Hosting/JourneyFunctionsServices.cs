using Azure.Data.Tables;
using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Azure.Durable;
using Journeys.Azure.Tables;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyFunctions.Hosting;

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
        // Validation warns about secret settings this app lacks; publish, close and stop are logged.
        services.AddJourneyCatalog(sp => new JourneyCatalog(
            sp.GetRequiredService<ICatalogStore>(),
            new ConfiguredSecretsValidator(ContractCatalogValidator.Instance, sp.GetRequiredService<IConfiguration>()),
            sp.GetRequiredService<TimeProvider>(),
            [new LifecycleLog(sp.GetService<ILogger<LifecycleLog>>() ?? NullLogger<LifecycleLog>.Instance)]));
        services.AddSingleton(sp => new RoutingTableCache(sp.GetRequiredService<JourneyCatalog>(), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(30)));
        services.AddSingleton<CompiledJourneyCache>();
        services.AddSingleton<AzureIngestion>();
        services.AddSingleton<JourneyActivities>();
        services.AddSingleton<DurableJourneyRuntime>();
        services.AddJourneyConnectors();
        services.AddJourneysApi();
        services.AddSingleton<ApiHandlerRunner>();
        return services;
    }
}
