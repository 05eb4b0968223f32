using Journeys.Core.Execution;

namespace Journeys.Runtime.Reporting;

/// <summary>
/// The instance view of both hosts (<c>GET /api/journeys/{id}/instances/{profileId}</c>): the profile's latest run
/// with its full step history and at most <see cref="MaxPrevious"/> earlier runs, newest first. The cap keeps the
/// answer bounded for a profile that re-enters a journey every day for years; ten runs cover every re-entry question
/// support asks, and the report has the totals.
/// </summary>
public static class InstanceViews
{
    public const int MaxPrevious = 10;

    /// <summary>The view of the profile's latest run in the journey; null when the profile never entered it.</summary>
    public static async Task<InstanceView?> ReadAsync(IInstanceHistory history, string journeyId, string profileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        var runs = await history.ReadRunsAsync(journeyId, profileId, MaxPrevious + 1, cancellationToken);
        if (runs.Count == 0)
        {
            return null;
        }

        var latest = runs[0];
        return new InstanceView
        {
            Journey = journeyId,
            ProfileId = profileId,
            InstanceId = latest.InstanceId,
            Version = latest.Version,
            Status = latest.Status,
            Node = latest.Node,
            Waiting = latest.Waiting,

            // A wake time only means something while the run is waiting; an ended run may still carry its last one.
            WakeAt = latest.Status == InstanceStatus.Active ? latest.WakeAt : null,
            StartedAt = latest.StartedAt,
            EndedAt = latest.EndedAt,
            Steps = await history.ReadStepsAsync(journeyId, profileId, latest.InstanceId, cancellationToken),
            Previous = runs.Skip(1).Take(MaxPrevious).Select(r => new InstanceSummary(r.InstanceId, r.Version, r.Status, r.StartedAt, r.EndedAt)).ToArray(),
        };
    }
}
