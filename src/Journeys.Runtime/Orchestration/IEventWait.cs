namespace Journeys.Runtime.Orchestration;

/// <summary>
/// A wait for an event that several events can reach before it ends (<see cref="OrchestrationLogic.TimerKeptAcrossIgnoredEvents"/>):
/// the timer and the stop wait are made once, each <see cref="NextAsync"/> waits for one more event. Disposing it
/// cancels whatever is still pending.
/// </summary>
public interface IEventWait : IDisposable
{
    /// <summary>The next event, or the timer, or a stop; after a timer or a stop the wait is over.</summary>
    Task<WaitOutcome> NextAsync();
}
