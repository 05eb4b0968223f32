namespace Journeys.Runtime.Orchestration;

/// <summary>What ended a <see cref="WaitRequest"/>.</summary>
public enum WaitOutcomeKind
{
    /// <summary>The timer reached <see cref="WaitRequest.Until"/>.</summary>
    TimerFired,

    /// <summary>The awaited external event was raised; its payload is in <see cref="WaitOutcome.Payload"/>.</summary>
    EventRaised,

    /// <summary>The stop event (<see cref="OrchestrationEvents.Stop"/>) was raised.</summary>
    StopRequested,
}
