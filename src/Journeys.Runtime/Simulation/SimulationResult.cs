using Journeys.Runtime.Reporting;

namespace Journeys.Runtime.Simulation;

/// <summary>
/// The answer of a simulation (SPEC §8): every instance in the order it started, the discarded events, and the
/// report of the simulated version as the report route would show it.
/// </summary>
public sealed record SimulationResult
{
    public required string Journey { get; init; }

    public required int Version { get; init; }

    public required IReadOnlyList<SimulatedInstance> Instances { get; init; }

    public required IReadOnlyList<SimulatedDiscard> Discarded { get; init; }

    public required VersionReport Report { get; init; }

    /// <summary>Where virtual time stopped (the scenario's bound).</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>Stepper calls made (what the simulation limit and the benchmark count).</summary>
    public required long Steps { get; init; }
}
