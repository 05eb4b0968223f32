using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace Journeys.Azure.Tables;

/// <summary>
/// The app's tables in one account, each created on first use (once per process). Names are fixed: one storage
/// account per deployment (see docs/azure.md for what each holds). A name prefix gives another, separate set of
/// tables in the same account: tests take a fresh prefix for a fresh, empty store.
/// </summary>
public sealed partial class JourneyTables
{
    public const string Catalog = "JourneysCatalog";
    public const string EventKeys = "JourneysEventKeys";
    public const string Exits = "JourneysExits";
    public const string Counters = "JourneysCounters";
    public const string DeadLetters = "JourneysDeadLetters";
    public const string Instances = "JourneysInstances";

    private readonly Dictionary<string, Lazy<Task<TableClient>>> tables;

    /// <param name="service">The account.</param>
    /// <param name="namePrefix">
    /// Put before every table name (<c>t1</c> gives <c>t1JourneysCatalog</c>); empty in a deployment. Table names are
    /// letters and digits starting with a letter, at most 63 characters, so the prefix is letters and digits starting
    /// with a letter, at most 44.
    /// </param>
    public JourneyTables(TableServiceClient service, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(namePrefix);
        if (namePrefix.Length > 0 && !PrefixRegex().IsMatch(namePrefix))
        {
            throw new ArgumentException($"The table name prefix '{namePrefix}' is not 1 to 44 letters and digits starting with a letter.", nameof(namePrefix));
        }

        tables = new[] { Catalog, EventKeys, Exits, Counters, DeadLetters, Instances }
            .ToDictionary(name => name, name => new Lazy<Task<TableClient>>(() => CreateAsync(service, namePrefix + name)), StringComparer.Ordinal);
    }

    /// <summary>The table <paramref name="name"/> (one of the constants here), created if it does not exist yet.</summary>
    public Task<TableClient> GetAsync(string name) => tables[name].Value;

    private static async Task<TableClient> CreateAsync(TableServiceClient service, string name)
    {
        var client = service.GetTableClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,43}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixRegex();
}
