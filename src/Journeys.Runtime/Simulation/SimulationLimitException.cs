namespace Journeys.Runtime.Simulation;

/// <summary>A simulation stopped because it ran into one of its <see cref="SimulationLimits"/>; nothing is half-answered.</summary>
public sealed class SimulationLimitException(string code, string message) : Exception(message)
{
    /// <summary>One of <see cref="SimulationErrorCodes"/>.</summary>
    public string Code { get; } = code;
}
