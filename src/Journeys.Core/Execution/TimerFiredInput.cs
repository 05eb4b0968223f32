namespace Journeys.Core.Execution;

/// <summary>
/// A timer the host started for <see cref="StartTimerCommand"/> or <see cref="WaitForEventCommand"/> fired.
/// <paramref name="WakeAt"/> is the time it was set for; a timer for any other time is stale and ignored.
/// </summary>
public sealed record TimerFiredInput(DateTimeOffset WakeAt) : StepInput;
