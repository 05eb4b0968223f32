namespace Journeys.Runtime.Simulation;

/// <summary>Stable codes of the problems a simulation request can have (SPEC §8).</summary>
public static class SimulationErrorCodes
{
    /// <summary>A scenario property is missing, of the wrong type or out of range (the path names it).</summary>
    public const string ScenarioInvalid = "SCENARIO_INVALID";

    /// <summary>The scenario has more events than <see cref="SimulationLimits.MaxEvents"/>.</summary>
    public const string TooManyEvents = "SIMULATION_TOO_MANY_EVENTS";

    /// <summary>An event offset or <c>until</c> is beyond <see cref="SimulationLimits.MaxSpan"/>.</summary>
    public const string SpanTooLong = "SIMULATION_SPAN_TOO_LONG";

    /// <summary>The run needed more stepper calls than <see cref="SimulationLimits.MaxSteps"/>.</summary>
    public const string TooManySteps = "SIMULATION_TOO_MANY_STEPS";

    /// <summary><c>?version=n</c> is not a positive integer.</summary>
    public const string VersionInvalid = "SIMULATION_VERSION_INVALID";

    /// <summary>A stubbed data-source group or action is missing from the scenario (a step error, not a request error).</summary>
    public const string StubMissing = "SIMULATION_STUB_MISSING";
}
