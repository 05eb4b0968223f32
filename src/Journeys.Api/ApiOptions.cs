namespace Journeys.Api;

/// <summary>Limits of the HTTP API. Both hosts pass the same values so that a request accepted locally is accepted in Azure.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest body of a configuration PUT (events, data sources, actions, journeys): 1 MiB by default.</summary>
    public long ConfigurationBodyLimit { get; set; } = 1024 * 1024;

    /// <summary>Largest body of <c>POST /api/ingest</c>: 8 MiB by default.</summary>
    public long IngestBodyLimit { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most events in one <c>POST /api/ingest</c> (one runtime transaction): 10,000 by default.</summary>
    public int MaxEventsPerRequest { get; set; } = 10_000;

    /// <summary>
    /// Bounds of <c>POST /api/journeys/{id}/simulate</c>: events per scenario, virtual time span, stepper calls. The
    /// scenario body itself is limited by <see cref="IngestBodyLimit"/>, as it carries events.
    /// </summary>
    public Journeys.Runtime.Simulation.SimulationLimits SimulationLimits { get; set; } = new();

    /// <summary>The larger of the two body limits: what the server itself must at least accept.</summary>
    public long LargestBodyLimit => Math.Max(ConfigurationBodyLimit, IngestBodyLimit);
}
