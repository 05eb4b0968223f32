using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Core.Validation;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Runtime.Simulation;

/// <summary>
/// What a simulation runs: one journey version compiled against a configuration, and the routing table of the
/// event definitions with that journey as the only live one. Built once, it can run any number of scenarios.
/// </summary>
public sealed class SimulationSetup
{
    private SimulationSetup(CompiledJourney journey, RoutingTable routing)
    {
        Journey = journey;
        Routing = routing;
    }

    public CompiledJourney Journey { get; }

    internal RoutingTable Routing { get; }

    /// <summary>
    /// Validates the journey as publish does; when valid, compiles it as <paramref name="version"/> with the event
    /// definitions that compile (the others are left out, as routing leaves them out on the hosts).
    /// </summary>
    /// <returns>The setup, or null when <paramref name="validation"/> has errors.</returns>
    public static SimulationSetup? TryCreate(
        string journeyId,
        int version,
        Journey journey,
        IEnumerable<KeyValuePair<string, EventDefinition>> events,
        IConfigurationLookup configuration,
        out ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(events);
        validation = JourneyValidator.Validate(journeyId, journey, configuration);
        if (!validation.IsValid)
        {
            return null;
        }

        var compiled = CompiledJourney.Compile(journeyId, version, journey, configuration);
        var definitions = new List<CompiledEventDefinition>();
        foreach (var (id, definition) in events.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (CompiledEventDefinition.TryCompile(id, definition, out _) is { } compiledDefinition)
            {
                definitions.Add(compiledDefinition);
            }
        }

        var live = new LiveJourney(compiled, journey.Reentry);
        return new SimulationSetup(compiled, RoutingTable.ForJourneys(definitions, [live], configuration));
    }
}
