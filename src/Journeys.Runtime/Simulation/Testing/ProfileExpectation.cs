using Journeys.Runtime.Simulation;

namespace Journeys.Runtime.Simulation.Testing;

/// <summary>
/// What a test case expects of one profile (SPEC §8 <c>expect</c>): its final status, its exact path or nodes it
/// must visit, and how many calls (HTTP attempts) each action node made. Over all the profile's instances: paths are
/// joined in start order, calls are summed, and the status is the last instance's.
/// </summary>
public sealed record ProfileExpectation
{
    public string? Status { get; init; }

    public IReadOnlyList<string>? Path { get; init; }

    public IReadOnlyList<string>? Visits { get; init; }

    public IReadOnlyDictionary<string, int>? Calls { get; init; }
}
