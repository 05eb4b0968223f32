namespace Journeys.Runtime.Orchestration;

/// <summary>One published journey version, as activities receive it.</summary>
public sealed record JourneyVersionRef(string JourneyId, int Version);
