using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// The input of the record activity, one per step: the step events (from which report counters derive) and where
/// the instance stands afterwards, so that the instance view needs no orchestration query.
/// </summary>
public sealed record StepRecord
{
    public required string JourneyId { get; init; }

    public required int Version { get; init; }

    public required string ProfileId { get; init; }

    public required string InstanceId { get; init; }

    public InstanceStatus Status { get; init; }

    public string? Node { get; init; }

    public WaitKind Waiting { get; init; }

    public DateTimeOffset? WakeAt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public required IReadOnlyList<StepEvent> Events { get; init; }

    public static StepRecord From(InstanceState state, IReadOnlyList<StepEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StepRecord
        {
            JourneyId = state.JourneyId,
            Version = state.Version,
            ProfileId = state.ProfileId,
            InstanceId = state.InstanceId,
            Status = state.Status,
            Node = state.Node,
            Waiting = state.Waiting,
            WakeAt = state.WakeAt,
            StartedAt = state.StartedAt,
            EndedAt = state.EndedAt,
            Events = events,
        };
    }
}
