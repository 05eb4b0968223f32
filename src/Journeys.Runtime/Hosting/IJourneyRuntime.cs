using System.Text.Json;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;

using Journeys.Runtime.Routing;

namespace Journeys.Runtime.Hosting;

/// <summary>
/// What the HTTP API needs from a running engine: ingestion, reports, instances and health. The embedded host
/// implements it over SQLite; the Azure app over Event Hubs/Durable Functions and Table Storage.
/// </summary>
public interface IJourneyRuntime
{
    /// <summary>Routes a batch of raw events durably (one transaction); one result per event, in order.</summary>
    Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken = default);

    /// <summary>The report of a journey; null when the journey is unknown.</summary>
    Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default);

    /// <summary>The profile's latest instance in the journey; null when it never entered.</summary>
    Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default);

    Task<HealthReport> CheckHealthAsync(CancellationToken cancellationToken = default);
}
