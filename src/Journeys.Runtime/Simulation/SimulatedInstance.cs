using Journeys.Core.Execution;

namespace Journeys.Runtime.Simulation;

/// <summary>One instance of the simulation (SPEC §8): where it went, how it ended, its step events and its calls.</summary>
public sealed record SimulatedInstance
{
    public required string ProfileId { get; init; }

    public required string InstanceId { get; init; }

    public required InstanceStatus Status { get; init; }

    /// <summary>The nodes entered, in order.</summary>
    public required IReadOnlyList<string> Path { get; init; }

    public required IReadOnlyList<StepEvent> Steps { get; init; }

    public required IReadOnlyList<SimulatedCall> Calls { get; init; }
}
