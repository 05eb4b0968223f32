using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;

namespace Journeys.Azure.Durable;

/// <summary>Step events and run summaries written by orchestrations, read by the shared <see cref="InstanceViews"/>.</summary>
public interface IInstanceRecordStore : IInstanceHistory
{
    /// <summary>
    /// Appends one step's events and updates the run's summary; false when these events were already appended
    /// (the record activity ran twice: activities are at-least-once), so that counters are not added twice.
    /// </summary>
    Task<bool> AppendAsync(StepRecord record, CancellationToken cancellationToken);
}
