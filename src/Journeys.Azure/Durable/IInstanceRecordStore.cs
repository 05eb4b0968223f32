using Journeys.Orchestration;
using Journeys.Reporting;

namespace Journeys.Durable;

/// <summary>Step events and instance summaries written by orchestrations, read by the instance view.</summary>
public interface IInstanceRecordStore
{
    /// <summary>
    /// Appends one step's events and updates the run's summary; false when these events were already appended
    /// (the record activity ran twice: activities are at-least-once), so that counters are not added twice.
    /// </summary>
    Task<bool> AppendAsync(StepRecord record, CancellationToken cancellationToken);

    /// <summary>The profile's latest run in the journey with its steps and its earlier runs; null when none.</summary>
    Task<InstanceView?> GetLatestAsync(string journeyId, string profileId, CancellationToken cancellationToken);
}
