namespace Journeys.Core.Execution;

/// <summary>
/// Wake the instance at <paramref name="WakeAt"/> (UTC; the wait's due time, or the journey deadline if earlier)
/// with <see cref="TimerFiredInput"/>.
/// </summary>
public sealed record StartTimerCommand(string NodeId, DateTimeOffset WakeAt) : JourneyCommand;
