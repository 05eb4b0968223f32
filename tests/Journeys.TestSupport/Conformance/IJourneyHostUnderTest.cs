using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Conformance;

/// <summary>
/// One host as <see cref="ConformanceScenarios"/> drives it: its catalog and runtime (the same services its HTTP API
/// calls), the loopback server its actions and data sources are pointed at, and the few operations whose wiring
/// differs between hosts (stop, waiting for an instance to end).
/// </summary>
public interface IJourneyHostUnderTest : IAsyncDisposable
{
    /// <summary>The catalog the host routes by; publishing here is publishing on the host.</summary>
    CatalogService Catalog { get; }

    /// <summary>Ingestion, reports and instance views, as the host's API serves them.</summary>
    IJourneyRuntime Runtime { get; }

    /// <summary>The loopback server answering every action and data source (scripted per scenario), with the requests it saw.</summary>
    LoopbackServer Services { get; }

    /// <summary>Stops the journey (SPEC §4) and lets the host end its active instances as its stop route does.</summary>
    Task StopJourneyAsync(string journeyId);

    /// <summary>The view of the profile's run once it has ended; fails the test if it does not end within the patience.</summary>
    Task<InstanceView> WaitForEndAsync(string journeyId, string profileId, TimeSpan patience);

    /// <summary>How many times the profile's current run continued as new; null on a host without generations.</summary>
    Task<int?> GenerationAsync(string journeyId, string profileId);
}
