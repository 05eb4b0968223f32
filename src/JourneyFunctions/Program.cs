extern alias AzureIdentity;

using Azure.Data.Tables;
using Journeys.Api;
using Journeys.Catalog;
using Journeys.Connectors;
using Journeys.Durable;
using Journeys.Engine;
using Journeys.Functions.Durable;
using Journeys.Functions.Tables;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// HttpClient's own Information lines (four per outbound call, profile ids in the paths) stay out, as on the embedded host.
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

var services = builder.Services;
services.AddSingleton(TimeProvider.System);
services.AddSingleton(_ => CreateTableService(builder.Configuration));
services.AddSingleton<JourneyTables>();

// Table Storage ports.
services.AddSingleton<ICatalogStore, TableCatalogStore>();
services.AddSingleton<IEventKeyStore, TableEventKeyStore>();
services.AddSingleton<IExitStore, TableExitStore>();
services.AddSingleton<ICounterStore, TableCounterStore>();
services.AddSingleton<IDeadLetterStore, TableDeadLetterStore>();
services.AddSingleton<IInstanceRecordStore, TableInstanceRecordStore>();
services.AddSingleton<IStorageProbe, TableStorageProbe>();

// Orchestrations are reached through the client each invocation binds (see AmbientInstanceGateway).
services.AddSingleton<IInstanceGateway, AmbientInstanceGateway>();

// The shared services, exactly as tested in Journeys.Runtime.Tests.
services.AddSingleton<IJourneyLifecycleObserver, JourneyStopObserver>();
services.AddSingleton<IJourneyLifecycleObserver, LifecycleLog>();
services.AddSingleton(sp => new CatalogService(
    sp.GetRequiredService<ICatalogStore>(),
    new ConfiguredSecretsValidator(ContractCatalogValidator.Instance, sp.GetRequiredService<IConfiguration>()),
    time: sp.GetRequiredService<TimeProvider>(),
    observers: sp.GetServices<IJourneyLifecycleObserver>()));
services.AddSingleton(sp => new RoutingTableCache(sp.GetRequiredService<CatalogService>(), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(30)));
services.AddSingleton<CompiledJourneyCache>();
services.AddSingleton<AzureIngestion>();
services.AddSingleton<JourneyActivities>();
services.AddSingleton<IJourneyRuntime, DurableJourneyRuntime>();
services.AddJourneyConnectors();
services.AddJourneysApi();

builder.Build().Run();

// Azure: TablesConnection__tableServiceUri + the managed identity (DefaultAzureCredential picks the user-assigned
// identity named by AZURE_CLIENT_ID). Locally: TablesConnection = UseDevelopmentStorage=true (Azurite).
static TableServiceClient CreateTableService(IConfiguration configuration)
{
    if (configuration["TablesConnection:tableServiceUri"] is { Length: > 0 } uri)
    {
        return new TableServiceClient(new Uri(uri), new AzureIdentity::Azure.Identity.DefaultAzureCredential());
    }

    return configuration["TablesConnection"] is { Length: > 0 } connectionString
        ? new TableServiceClient(connectionString)
        : throw new InvalidOperationException("Set TablesConnection__tableServiceUri (Azure) or TablesConnection (a connection string, e.g. UseDevelopmentStorage=true).");
}
