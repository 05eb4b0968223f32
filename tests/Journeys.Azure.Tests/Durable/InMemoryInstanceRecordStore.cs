using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;

namespace Journeys.Azure.Tests.Durable;

internal sealed class InMemoryInstanceRecordStore : IInstanceRecordStore
{
    public List<StepRecord> Records { get; } = [];

    public Task<bool> AppendAsync(StepRecord record, CancellationToken cancellationToken)
    {
        var first = record.Events[0].Sequence;
        if (Records.Any(r => r.InstanceId == record.InstanceId && r.Events.Any(e => e.Sequence == first)))
        {
            return Task.FromResult(false);
        }

        Records.Add(record);
        return Task.FromResult(true);
    }

    /// <summary>Each run's summary is its last record, as the Table store replaces the run row at each step.</summary>
    public Task<IReadOnlyList<InstanceRun>> ReadRunsAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InstanceRun>>(Records
            .Where(r => r.JourneyId == journeyId && r.ProfileId == profileId)
            .GroupBy(r => r.InstanceId)
            .Select(g => g.Last())
            .OrderByDescending(r => r.StartedAt)
            .Take(limit)
            .Select(r => new InstanceRun(r.InstanceId, r.Version, r.Status, r.Node, r.Waiting, r.WakeAt, r.StartedAt, r.EndedAt))
            .ToList());

    public Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string journeyId, string profileId, string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StepEvent>>(Records.Where(r => r.InstanceId == instanceId).SelectMany(r => r.Events).OrderBy(e => e.Sequence).ToList());
}
