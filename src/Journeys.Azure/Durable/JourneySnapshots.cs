using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Orchestration;

namespace Journeys.Azure.Durable;

/// <summary>Takes a <see cref="JourneySnapshot"/> from the catalog and compiles one back into a <see cref="CompiledJourney"/>.</summary>
public static class JourneySnapshots
{
    /// <summary>The version and the configuration it uses; null when the version does not exist.</summary>
    public static async Task<JourneySnapshot?> CreateAsync(JourneyCatalog journeys, string journeyId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var published = await journeys.GetVersionAsync(journeyId, version, cancellationToken);
        if (published.Value is not { } found)
        {
            return null;
        }

        var journey = found.Definition;
        var details = await journeys.GetAsync(journeyId, cancellationToken);
        var stopped = details.Value?.Versions.Any(v => v.Version == version && v.Status == JourneyVersionStatus.Stopped) ?? false;

        var configuration = await journeys.GetConfigurationAsync(cancellationToken);
        var events = Used(journey, CatalogResourceKind.EventDefinition, configuration.EventDefinitions, ContractJson.Write);
        var actions = Used(journey, CatalogResourceKind.CustomAction, configuration.CustomActions, ContractJson.Write);
        var sources = Used(journey, CatalogResourceKind.DataSource, configuration.DataSources, ContractJson.Write);

        return new JourneySnapshot
        {
            JourneyId = journeyId,
            Version = version,
            JourneyJson = ContractJson.Write(journey),
            Stopped = stopped,
            Events = events,
            Actions = actions,
            DataSources = sources,
        };
    }

    /// <summary>The written bodies of the resources of one kind that <paramref name="journey"/> uses, by id.</summary>
    private static SortedDictionary<string, string> Used<T>(Journey journey, CatalogResourceKind kind, IReadOnlyDictionary<string, T> all, Func<T, string> write)
    {
        var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, body) in all)
        {
            if (JourneyReferences.Uses(journey, kind, id))
            {
                used[id] = write(body);
            }
        }

        return used;
    }

    /// <summary>Compiles the snapshot; throws <see cref="JourneyCompilationException"/> when it does not compile.</summary>
    public static CompiledJourney Compile(JourneySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var journey = ContractJson.ReadJourney(snapshot.JourneyJson).Value
            ?? throw new JourneyCompilationException($"The snapshot of journey '{snapshot.JourneyId}' version {snapshot.Version} does not read.");
        return CompiledJourney.Compile(snapshot.JourneyId, snapshot.Version, journey, new SnapshotLookup(snapshot));
    }

    /// <summary>The snapshot's configuration as a lookup; bodies are parsed once, on first use.</summary>
    private sealed class SnapshotLookup(JourneySnapshot snapshot) : IConfigurationLookup
    {
        public EventDefinition? FindEvent(string eventId) =>
            snapshot.Events.TryGetValue(eventId, out var json) ? ContractJson.ReadEventDefinition(json).Value : null;

        public DataSource? FindDataSource(string sourceId) =>
            snapshot.DataSources.TryGetValue(sourceId, out var json) ? ContractJson.ReadDataSource(json).Value : null;

        public CustomAction? FindAction(string actionId) =>
            snapshot.Actions.TryGetValue(actionId, out var json) ? ContractJson.ReadCustomAction(json).Value : null;

        // Jump targets are checked at publish time; at run time the jump activity looks the target up itself.
        public bool JourneyExists(string journeyId) => true;
    }
}
