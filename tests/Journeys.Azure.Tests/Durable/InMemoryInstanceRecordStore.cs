using Journeys.Durable;
using Journeys.Orchestration;
using Journeys.Reporting;

namespace Journeys.Runtime.Tests.Durable;

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

    public Task<InstanceView?> GetLatestAsync(string journeyId, string profileId, CancellationToken cancellationToken)
    {
        var last = Records.LastOrDefault(r => r.JourneyId == journeyId && r.ProfileId == profileId);
        return Task.FromResult(last is null ? null : new InstanceView
        {
            Journey = journeyId,
            ProfileId = profileId,
            InstanceId = last.InstanceId,
            Version = last.Version,
            Status = last.Status,
            Steps = Records.Where(r => r.InstanceId == last.InstanceId).SelectMany(r => r.Events).ToList(),
        });
    }
}
