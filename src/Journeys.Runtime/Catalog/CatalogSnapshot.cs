using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// The whole configuration read once (see <see cref="JourneyCatalog.GetConfigurationAsync"/>), so that the
/// synchronous <see cref="IConfigurationLookup"/> validation and compilation need answers from memory, and routing
/// compiles every event definition of the same read. Catalogs are small (tens to hundreds of resources).
/// </summary>
public sealed class CatalogSnapshot : IConfigurationLookup
{
    private readonly IReadOnlyDictionary<string, string?> journeyEntries;

    internal CatalogSnapshot(
        IReadOnlyDictionary<string, EventDefinition> events,
        IReadOnlyDictionary<string, DataSource> dataSources,
        IReadOnlyDictionary<string, CustomAction> actions,
        IReadOnlyDictionary<string, string?> journeyEntries)
    {
        EventDefinitions = events;
        DataSources = dataSources;
        CustomActions = actions;
        this.journeyEntries = journeyEntries;
    }

    /// <summary>Every event definition by id, enumerated in id order.</summary>
    public IReadOnlyDictionary<string, EventDefinition> EventDefinitions { get; }

    /// <summary>Every data source by id, enumerated in id order.</summary>
    public IReadOnlyDictionary<string, DataSource> DataSources { get; }

    /// <summary>Every custom action by id, enumerated in id order.</summary>
    public IReadOnlyDictionary<string, CustomAction> CustomActions { get; }

    public EventDefinition? FindEvent(string eventId) => EventDefinitions.GetValueOrDefault(eventId);

    public DataSource? FindDataSource(string sourceId) => DataSources.GetValueOrDefault(sourceId);

    public CustomAction? FindAction(string actionId) => CustomActions.GetValueOrDefault(actionId);

    public bool JourneyExists(string journeyId) => journeyEntries.ContainsKey(journeyId);

    public string? FindJourneyEntry(string journeyId) => journeyEntries.GetValueOrDefault(journeyId);
}
