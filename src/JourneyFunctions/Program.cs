using Azure.Data.Tables;
using Azure.Identity;
using Journeys.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddJourneyFunctions(_ => CreateTableService(builder.Configuration));
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
