using Azure.Data.Tables;
using Azure.Identity;
using JourneyFunctions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// HttpClient's own Information lines (four per outbound call, profile ids in the paths) stay out, as on the embedded host.
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

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
