namespace Journeys.Core.Execution;

/// <summary>Nothing to do: the input was ignored or did not move the instance (e.g. a non-correlating event).</summary>
public sealed record NoCommand : JourneyCommand;
