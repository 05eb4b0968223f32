namespace Journeys.Core.Execution;

/// <summary>
/// Deliver this profile's events of <paramref name="EventId"/> as <see cref="EventReceivedInput"/>, and fire
/// <see cref="TimerFiredInput"/> at <paramref name="TimeoutAt"/> (UTC; the node timeout or the journey deadline,
/// whichever is earlier).
/// </summary>
public sealed record WaitForEventCommand(string NodeId, string EventId, DateTimeOffset TimeoutAt) : JourneyCommand;
