namespace Journeys.Runtime.Orchestration;

/// <summary>What ended a durable wait, with the raised event's payload (an <see cref="EventEnvelope"/> as JSON).</summary>
public sealed record WaitOutcome(WaitOutcomeKind Kind, string? Payload = null)
{
    public static WaitOutcome TimerFired { get; } = new(WaitOutcomeKind.TimerFired);

    public static WaitOutcome StopRequested { get; } = new(WaitOutcomeKind.StopRequested);

    public static WaitOutcome Event(string payload) => new(WaitOutcomeKind.EventRaised, payload);
}
