using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// The whole configuration read once, so that the synchronous <see cref="IConfigurationLookup"/> the validator
/// needs answers from memory. Catalogs are small (tens to hundreds of resources), and this is only built for
/// validate and publish, which are rare admin operations.
/// </summary>
internal sealed class CatalogSnapshot(
    IReadOnlyDictionary<string, EventDefinition> events,
    IReadOnlyDictionary<string, DataSource> dataSources,
    IReadOnlyDictionary<string, CustomAction> actions,
    IReadOnlyDictionary<string, string?> journeyEntries) : IConfigurationLookup
{
    public EventDefinition? FindEvent(string eventId) => events.GetValueOrDefault(eventId);

    public DataSource? FindDataSource(string sourceId) => dataSources.GetValueOrDefault(sourceId);

    public CustomAction? FindAction(string actionId) => actions.GetValueOrDefault(actionId);

    public bool JourneyExists(string journeyId) => journeyEntries.ContainsKey(journeyId);

    public string? FindJourneyEntry(string journeyId) => journeyEntries.GetValueOrDefault(journeyId);
}
