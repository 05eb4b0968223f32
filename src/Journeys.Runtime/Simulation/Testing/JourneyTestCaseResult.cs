using Journeys.Runtime.Simulation;

namespace Journeys.Runtime.Simulation.Testing;

/// <summary>One case of a test file: passed, or the differences between what it expected and what happened.</summary>
/// <param name="File">The test file, as given or found.</param>
/// <param name="Name">The case's name (or what failed to load, when the file itself is broken).</param>
/// <param name="Differences">One line per failed expectation or load problem; empty when the case passed.</param>
public sealed record JourneyTestCaseResult(string File, string Name, IReadOnlyList<string> Differences)
{
    public bool Passed => Differences.Count == 0;
}
