namespace Journeys.Runtime.Orchestration;

/// <summary>Knobs of <see cref="JourneyOrchestrationLoop"/>.</summary>
public sealed record OrchestrationOptions
{
    public const int DefaultMaxOperationsPerGeneration = 20;

    /// <summary>
    /// Durable operations (activities, waits) after which the loop continues as new at the next step boundary, so
    /// that the history a replay reads stays short.
    /// </summary>
    public int MaxOperationsPerGeneration { get; init; } = DefaultMaxOperationsPerGeneration;

    /// <summary>The instance's version is stopped (from <see cref="JourneySnapshot.Stopped"/>): the instance ends as stopped at once.</summary>
    public bool VersionStopped { get; init; }

    public static OrchestrationOptions Default { get; } = new();
}
