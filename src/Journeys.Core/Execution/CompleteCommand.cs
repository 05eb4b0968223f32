namespace Journeys.Core.Execution;

/// <summary>The instance has ended with <paramref name="Status"/>; cancel its timers and event subscriptions.</summary>
public sealed record CompleteCommand(InstanceStatus Status) : JourneyCommand;
