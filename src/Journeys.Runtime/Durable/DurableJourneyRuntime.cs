using System.Text.Json;
using Journeys.Catalog;
using Journeys.Engine;
using Journeys.Ingestion;
using Journeys.Reporting;

namespace Journeys.Durable;

/// <summary>
/// <see cref="IJourneyRuntime"/> of the Azure host, for the HTTP API: ingestion through the same routing as the
/// Event Hubs trigger, reports from the counter store, instance views from the instance records.
/// </summary>
public sealed class DurableJourneyRuntime(
    CatalogService catalog,
    RoutingTableCache tables,
    AzureIngestion ingestion,
    ICounterStore counters,
    IInstanceRecordStore records,
    IStorageProbe storage) : IJourneyRuntime
{
    public async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(cancellationToken);
        return await ingestion.IngestEventsAsync(table, events, cancellationToken);
    }

    public async Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        var journey = await catalog.GetJourneyAsync(journeyId, cancellationToken);
        if (journey.Value is not { } details)
        {
            return null;
        }

        return ReportBuilder.Build(details, await counters.GetAsync(journeyId, cancellationToken));
    }

    public Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default) =>
        records.GetLatestAsync(journeyId, profileId, cancellationToken);

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
}
