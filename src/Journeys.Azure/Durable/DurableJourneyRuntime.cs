using System.Text.Json;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Azure.Durable;

/// <summary>
/// The Azure host's services behind the HTTP API: ingestion through the same routing as the Event Hubs trigger,
/// reports from the counter store, instance views from the instance records. In the isolated worker the Durable
/// client is a binding of each invocation, not a service, so this singleton is not itself an
/// <see cref="IJourneyRuntime"/>: <see cref="For"/> gives the runtime of one invocation, bound to its client.
/// </summary>
public sealed class DurableJourneyRuntime(
    JourneyCatalog journeys,
    RoutingTableCache tables,
    AzureIngestion ingestion,
    ICounterStore counters,
    IInstanceRecordStore records,
    IStorageProbe storage)
{
    /// <summary>The <see cref="IJourneyRuntime"/> of one function invocation, starting and signalling through <paramref name="instances"/>.</summary>
    public IJourneyRuntime For(IInstanceGateway instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        return new InvocationRuntime(this, instances);
    }

    public async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<JsonElement> events, IInstanceGateway instances, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(cancellationToken);
        return await ingestion.IngestEventsAsync(table, events, instances, cancellationToken);
    }

    public async Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        var journey = await journeys.GetAsync(journeyId, cancellationToken);
        if (journey.Value is not { } details)
        {
            return null;
        }

        return ReportBuilder.Build(details, await counters.GetAsync(journeyId, cancellationToken));
    }

    public Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default) =>
        InstanceViews.ReadAsync(records, journeyId, profileId, cancellationToken);

    public async Task<HealthReport> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ProbeAsync(cancellationToken);
            var unmatched = (await counters.GetAsync(ReportCounters.UnmatchedKey.JourneyId, cancellationToken)).GetValueOrDefault(ReportCounters.UnmatchedKey);
            return new HealthReport("ok", Storage: true) { UnmatchedEvents = unmatched };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Health reports any storage failure as "unreachable" instead of failing the probe request.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new HealthReport("degraded", Storage: false, ex.Message);
        }
    }

    private sealed class InvocationRuntime(DurableJourneyRuntime runtime, IInstanceGateway instances) : IJourneyRuntime
    {
        public Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken = default) =>
            runtime.IngestAsync(events, instances, cancellationToken);

        public Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default) =>
            runtime.GetReportAsync(journeyId, cancellationToken);

        public Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default) =>
            runtime.GetInstanceAsync(journeyId, profileId, cancellationToken);

        public Task<HealthReport> CheckHealthAsync(CancellationToken cancellationToken = default) => runtime.CheckHealthAsync(cancellationToken);
    }
}
