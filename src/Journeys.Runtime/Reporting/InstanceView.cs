using Journeys.Core.Execution;

namespace Journeys.Runtime.Reporting;

/// <summary>
/// The body of <c>GET /api/journeys/{id}/instances/{profileId}</c>: the profile's latest instance in the journey
/// (active, or else the last one to end) with its full step history.
/// </summary>
public sealed record InstanceView
{
    public required string Journey { get; init; }

    public required string ProfileId { get; init; }

    public required string InstanceId { get; init; }

    public int Version { get; init; }

    public InstanceStatus Status { get; init; }

    public string? Node { get; init; }

    public WaitKind Waiting { get; init; }

    public DateTimeOffset? WakeAt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public IReadOnlyList<StepEvent> Steps { get; init; } = [];

    /// <summary>Earlier instances of the same profile in this journey, newest first (ids, status, times).</summary>
    public IReadOnlyList<InstanceSummary> Previous { get; init; } = [];
}
