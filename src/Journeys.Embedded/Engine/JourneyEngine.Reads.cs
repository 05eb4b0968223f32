using Journeys.Core.Execution;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>The read side the API uses, concurrently with the loop, through the store's reader.</summary>
public sealed partial class JourneyEngine
{
    public async Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        var journey = await catalog.GetAsync(journeyId, cancellationToken);
        if (journey.Value is not { } details)
        {
            return null;
        }

        return ReportBuilder.Build(details, await reader.ReadCountersAsync(journeyId, cancellationToken));
    }

    public Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default) =>
        InstanceViews.ReadAsync(new StoredHistory(reader), journeyId, profileId, cancellationToken);

    public async Task<HealthReport> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var storage = await reader.PingAsync(cancellationToken);
        var running = loop is { IsCompleted: false };
        var unmatched = storage ? (await reader.ReadCountersAsync(ReportCounters.UnmatchedKey.JourneyId, cancellationToken)).GetValueOrDefault(ReportCounters.UnmatchedKey) : (long?)null;
        return new HealthReport(storage && running ? "ok" : "degraded", storage, running ? null : "the engine loop is not running") { UnmatchedEvents = unmatched };
    }

    /// <summary>Active instances in the store (for the demo and tests waiting for a run to finish).</summary>
    public Task<long> CountActiveAsync(CancellationToken cancellationToken = default) => reader.CountActiveAsync(cancellationToken);

    /// <summary>The embedded store's instances as the shared instance view reads them.</summary>
    private sealed class StoredHistory(IRuntimeReader reader) : IInstanceHistory
    {
        public async Task<IReadOnlyList<InstanceRun>> ReadRunsAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken) =>
            (await reader.ReadInstancesAsync(journeyId, profileId, limit, cancellationToken))
                .Select(i => new InstanceRun(i.InstanceId, i.Version, i.Status, i.Node, i.Waiting, i.WakeAt, i.StartedAt, i.EndedAt))
                .ToArray();

        public Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string journeyId, string profileId, string instanceId, CancellationToken cancellationToken) =>
            reader.ReadStepsAsync(instanceId, cancellationToken);
    }
}
