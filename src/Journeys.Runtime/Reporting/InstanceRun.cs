using Journeys.Core.Execution;

namespace Journeys.Runtime.Reporting;

/// <summary>One run of a profile in a journey, as a host's store keeps its summary; see <see cref="InstanceViews"/>.</summary>
public sealed record InstanceRun(
    string InstanceId,
    int Version,
    InstanceStatus Status,
    string? Node,
    WaitKind Waiting,
    DateTimeOffset? WakeAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);
