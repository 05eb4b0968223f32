using Journeys.Core.Execution;

namespace Journeys.Runtime.Reporting;

/// <summary>What <see cref="InstanceViews"/> reads from a host's store: a profile's runs in a journey and one run's steps.</summary>
public interface IInstanceHistory
{
    /// <summary>The profile's runs in the journey, newest (latest start) first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<InstanceRun>> ReadRunsAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken);

    /// <summary>The step events of one run of the profile in the journey, in sequence order.</summary>
    Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string journeyId, string profileId, string instanceId, CancellationToken cancellationToken);
}
