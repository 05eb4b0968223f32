using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// What a publish, close or stop did to a journey: its new status, its live version (the new version after a
/// publish, null after close/stop) and the versions that stopped being live or were stopped by this change.
/// The runtime acts on <see cref="Status"/> <see cref="JourneyStatus.Stopped"/> by ending the active instances
/// of <see cref="EndedVersions"/>.
/// </summary>
public sealed record JourneyLifecycleChange(string JourneyId, JourneyStatus Status, int? LiveVersion, IReadOnlyList<int> EndedVersions)
{
    /// <summary>After a publish: the validation warnings of the published draft (empty otherwise).</summary>
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];
}
