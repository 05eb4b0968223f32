using Journeys.Core.Serialization;

namespace Journeys.Runtime.Simulation;

/// <summary>A scenario, or every problem found in its JSON, each with a code and the path at fault.</summary>
public sealed record ScenarioReadResult(Scenario? Scenario, IReadOnlyList<ContractError> Errors)
{
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}
