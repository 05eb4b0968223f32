using System.Collections.Concurrent;
using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Core.Validation;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>
/// Everything routing derives from the catalog, built once per catalog revision: the compiled event definitions,
/// the live journey of each entry event, and which journeys have instances that may wait for each event. Both hosts
/// route with it. Versions that are not live are compiled on demand, for instances that still run on them.
/// </summary>
public sealed class RoutingTable
{
    private readonly ConcurrentDictionary<(string JourneyId, int Version), CompiledJourney> compiled;
    private readonly IConfigurationLookup configuration;

    private RoutingTable(
        long revision,
        EventClassifier classifier,
        IReadOnlyDictionary<string, IReadOnlyList<LiveJourney>> entries,
        IReadOnlyDictionary<string, IReadOnlyList<string>> waiters,
        IReadOnlyDictionary<string, LiveJourney> live,
        ConcurrentDictionary<(string, int), CompiledJourney> compiled,
        IConfigurationLookup configuration,
        IReadOnlyList<string> problems,
        IReadOnlyDictionary<string, IReadOnlyList<UnavailableJourney>>? unavailable = null,
        IReadOnlyDictionary<(string JourneyId, int Version), string>? unavailableVersions = null)
    {
        Revision = revision;
        Classifier = classifier;
        EntriesByEvent = entries;
        WaitingJourneysByEvent = waiters;
        LiveByJourney = live;
        this.compiled = compiled;
        this.configuration = configuration;
        Problems = problems;
        UnavailableByEvent = unavailable ?? new Dictionary<string, IReadOnlyList<UnavailableJourney>>();
        UnavailableVersions = unavailableVersions ?? new Dictionary<(string, int), string>();
    }

    /// <summary>The catalog revision this table was built from.</summary>
    public long Revision { get; }

    public EventClassifier Classifier { get; }

    /// <summary>Event id → live journeys entered by it, in journey id order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LiveJourney>> EntriesByEvent { get; }

    /// <summary>
    /// Event id → ids of journeys with a non-stopped version that has a waitForEvent node on it, compiled or not: an
    /// instance of a version that no longer compiles here may still be waiting (a Durable instance runs on its own
    /// snapshot; an embedded one is answered with a <see cref="UnavailableVersions"/> discard).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> WaitingJourneysByEvent { get; }

    public IReadOnlyDictionary<string, LiveJourney> LiveByJourney { get; }

    /// <summary>Definitions or journeys that could not be compiled and are left out of routing, with the reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Event id → live journeys entered by it that cannot run (they do not compile), with the reason.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<UnavailableJourney>> UnavailableByEvent { get; }

    /// <summary>Non-stopped versions (live or closed) that do not compile against the configuration, with the reason.</summary>
    public IReadOnlyDictionary<(string JourneyId, int Version), string> UnavailableVersions { get; }

    public static RoutingTable Empty { get; } = new(
        -1, new EventClassifier([]), new Dictionary<string, IReadOnlyList<LiveJourney>>(), new Dictionary<string, IReadOnlyList<string>>(),
        new Dictionary<string, LiveJourney>(), new(), new EmptyLookup(), []);

    public static async Task<RoutingTable> BuildAsync(JourneyCatalog journeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var revision = journeys.Revision;
        var configuration = await journeys.GetConfigurationAsync(cancellationToken);
        var problems = new List<string>();

        var definitions = new List<CompiledEventDefinition>();
        foreach (var (id, body) in configuration.EventDefinitions)
        {
            if (CompiledEventDefinition.TryCompile(id, body, out var errors) is { } definition)
            {
                definitions.Add(definition);
            }
            else
            {
                problems.Add($"event '{id}': {string.Join("; ", errors)}");
            }
        }

        var compiled = new ConcurrentDictionary<(string, int), CompiledJourney>();
        var entries = new Dictionary<string, List<LiveJourney>>(StringComparer.Ordinal);
        var waiters = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var live = new Dictionary<string, LiveJourney>(StringComparer.Ordinal);
        var unavailable = new Dictionary<string, List<UnavailableJourney>>(StringComparer.Ordinal);
        var unavailableVersions = new Dictionary<(string, int), string>();
        foreach (var journey in (await journeys.ListAsync(cancellationToken)).OrderBy(j => j.Id, StringComparer.Ordinal))
        {
            foreach (var summary in journey.Versions.Where(v => v.Status != JourneyVersionStatus.Stopped))
            {
                var version = await journeys.GetVersionAsync(journey.Id, summary.Version, cancellationToken);
                if (version.Value is not { } published)
                {
                    continue;
                }

                // Waiting instances of a version are found whether it compiles or not: the router must answer for them.
                AddWaiters(waiters, journey.Id, published.Definition);
                CompiledJourney compiledVersion;
                try
                {
                    compiledVersion = CompiledJourney.Compile(journey.Id, summary.Version, published.Definition, configuration);
                }
                catch (JourneyCompilationException ex)
                {
                    problems.Add($"journey '{journey.Id}' v{summary.Version}: {ex.Message}");
                    unavailableVersions[(journey.Id, summary.Version)] = ex.Message;
                    if (summary.Status == JourneyVersionStatus.Live && published.Definition.Entry is { } lostEntry)
                    {
                        (unavailable.TryGetValue(lostEntry, out var lost) ? lost : unavailable[lostEntry] = []).Add(new UnavailableJourney(journey.Id, summary.Version, ex.Message));
                    }

                    continue;
                }

                compiled[(journey.Id, summary.Version)] = compiledVersion;

                if (summary.Status == JourneyVersionStatus.Live && published.Definition.Entry is { } entryEvent)
                {
                    var liveJourney = new LiveJourney(compiledVersion, published.Definition.Reentry);
                    live[journey.Id] = liveJourney;
                    (entries.TryGetValue(entryEvent, out var list) ? list : entries[entryEvent] = []).Add(liveJourney);
                }
            }
        }

        return new RoutingTable(
            revision,
            new EventClassifier(definitions),
            entries.ToDictionary(e => e.Key, e => (IReadOnlyList<LiveJourney>)e.Value, StringComparer.Ordinal),
            waiters.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToArray(), StringComparer.Ordinal),
            live,
            compiled,
            configuration,
            problems,
            unavailable.ToDictionary(e => e.Key, e => (IReadOnlyList<UnavailableJourney>)e.Value, StringComparer.Ordinal),
            unavailableVersions);
    }

    /// <summary>
    /// A table over given definitions and live journeys only, with no catalog behind it: what a simulation routes
    /// with, so that its events are classified, de-duplicated and entered exactly as on ingest.
    /// </summary>
    public static RoutingTable ForJourneys(IReadOnlyList<CompiledEventDefinition> definitions, IReadOnlyList<LiveJourney> liveJourneys, IConfigurationLookup configuration)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(liveJourneys);
        ArgumentNullException.ThrowIfNull(configuration);
        var compiled = new ConcurrentDictionary<(string, int), CompiledJourney>();
        var entries = new Dictionary<string, List<LiveJourney>>(StringComparer.Ordinal);
        var waiters = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var live = new Dictionary<string, LiveJourney>(StringComparer.Ordinal);
        foreach (var journey in liveJourneys.OrderBy(j => j.JourneyId, StringComparer.Ordinal))
        {
            var definition = journey.Compiled.Definition;
            compiled[(journey.JourneyId, journey.Version)] = journey.Compiled;
            AddWaiters(waiters, journey.JourneyId, definition);

            if (definition.Entry is { } entryEvent)
            {
                live[journey.JourneyId] = journey;
                (entries.TryGetValue(entryEvent, out var list) ? list : entries[entryEvent] = []).Add(journey);
            }
        }

        return new RoutingTable(
            -1,
            new EventClassifier(definitions),
            entries.ToDictionary(e => e.Key, e => (IReadOnlyList<LiveJourney>)e.Value, StringComparer.Ordinal),
            waiters.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.ToArray(), StringComparer.Ordinal),
            live,
            compiled,
            configuration,
            []);
    }

    private static void AddWaiters(Dictionary<string, SortedSet<string>> waiters, string journeyId, Journey definition)
    {
        foreach (var node in (definition.Nodes ?? []).Values.OfType<WaitForEventNode>())
        {
            if (node.Event is { } waitedEvent)
            {
                (waiters.TryGetValue(waitedEvent, out var set) ? set : waiters[waitedEvent] = new SortedSet<string>(StringComparer.Ordinal)).Add(journeyId);
            }
        }
    }

    /// <summary>The compiled form of any published version; versions outside the table are compiled on first use.</summary>
    public async Task<CompiledJourney?> GetCompiledAsync(JourneyCatalog journeys, string journeyId, int version, CancellationToken cancellationToken = default)
    {
        if (compiled.TryGetValue((journeyId, version), out var found))
        {
            return found;
        }

        var published = await journeys.GetVersionAsync(journeyId, version, cancellationToken);
        if (published.Value is null)
        {
            return null;
        }

        try
        {
            return compiled.GetOrAdd((journeyId, version), CompiledJourney.Compile(journeyId, version, published.Value.Definition, configuration));
        }
        catch (JourneyCompilationException)
        {
            return null;
        }
    }

    /// <summary>The compiled form of a version the table already holds (live, closed), without I/O.</summary>
    public CompiledJourney? FindCompiled(string journeyId, int version) => compiled.GetValueOrDefault((journeyId, version));

    private sealed class EmptyLookup : IConfigurationLookup
    {
        public EventDefinition? FindEvent(string eventId) => null;

        public DataSource? FindDataSource(string sourceId) => null;

        public CustomAction? FindAction(string actionId) => null;

        public bool JourneyExists(string journeyId) => false;
    }
}
