using Azure.Data.Tables;
using Azure.Identity;
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

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

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

// The shared services, exactly as tested in Journeys.Azure.Tests. Orchestrations are reached through the Durable
// client each invocation binds ([DurableClient]), passed as an argument: no service here holds one.
services.AddSingleton(sp => new CatalogService(sp.GetRequiredService<ICatalogStore>(), time: sp.GetRequiredService<TimeProvider>()));
services.AddSingleton(sp => new RoutingTableCache(sp.GetRequiredService<CatalogService>(), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(30)));
services.AddSingleton<CompiledJourneyCache>();
services.AddSingleton<AzureIngestion>();
services.AddSingleton<JourneyActivities>();
services.AddSingleton<DurableJourneyRuntime>();
services.AddJourneyConnectors();
services.AddJourneysApi();

builder.Build().Run();

// Azure: TablesConnection__tableServiceUri + the managed identity (DefaultAzureCredential picks the user-assigned
// identity named by AZURE_CLIENT_ID). Locally: TablesConnection = UseDevelopmentStorage=true (Azurite).
static TableServiceClient CreateTableService(IConfiguration configuration)
{
    if (configuration["TablesConnection:tableServiceUri"] is { Length: > 0 } uri)
    {
        return new TableServiceClient(new Uri(uri), new DefaultAzureCredential());
    }

    return configuration["TablesConnection"] is { Length: > 0 } connectionString
        ? new TableServiceClient(connectionString)
        : throw new InvalidOperationException("Set TablesConnection__tableServiceUri (Azure) or TablesConnection (a connection string, e.g. UseDevelopmentStorage=true).");
}
