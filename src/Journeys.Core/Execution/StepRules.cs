namespace Journeys.Core.Execution;

/// <summary>
/// Stepper behaviour that changed under running Durable orchestrations: an orchestration replays its history with
/// whatever code is deployed, so one started under older logic keeps the older rule (the orchestration loop picks
/// the rules from its logic version). The hosts without replay, and new orchestrations, take <see cref="Current"/>.
/// </summary>
public sealed record StepRules
{
    public static StepRules Current { get; } = new();

    /// <summary>
    /// A data-source path in which a placeholder renders empty as a whole segment (<c>/members/{profile.id}</c> with
    /// an empty id) fails the node with <see cref="StepErrorCodes.UrlPathSegment"/> instead of fetching.
    /// </summary>
    public bool RefuseEmptyPathSegments { get; init; } = true;
}
