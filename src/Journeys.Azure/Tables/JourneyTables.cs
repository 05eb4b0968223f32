using Azure.Data.Tables;

namespace Journeys.Azure.Tables;

/// <summary>
/// The app's tables in one account, each created on first use (once per process). Names are fixed: one storage
/// account per deployment (see docs/azure.md for what each holds).
/// </summary>
public sealed class JourneyTables(TableServiceClient service)
{
    public const string Catalog = "JourneysCatalog";
    public const string EventKeys = "JourneysEventKeys";
    public const string Exits = "JourneysExits";
    public const string Counters = "JourneysCounters";
    public const string DeadLetters = "JourneysDeadLetters";
    public const string Instances = "JourneysInstances";

    private readonly Dictionary<string, Lazy<Task<TableClient>>> tables = new[] { Catalog, EventKeys, Exits, Counters, DeadLetters, Instances }
        .ToDictionary(name => name, name => new Lazy<Task<TableClient>>(() => CreateAsync(service, name)), StringComparer.Ordinal);

    public Task<TableClient> GetAsync(string name) => tables[name].Value;

    private static async Task<TableClient> CreateAsync(TableServiceClient service, string name)
    {
        var client = service.GetTableClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
