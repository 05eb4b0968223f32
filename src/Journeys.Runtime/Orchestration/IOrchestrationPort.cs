using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// What <see cref="JourneyOrchestrationLoop"/> needs from a Durable-like orchestration context. Every member must be
/// replay-safe: the Azure adapter maps each one to one Durable Task call (activity, durable timer, external event,
/// continue-as-new), whose results come from the orchestration history on replay. The loop uses nothing else: no
/// clock, no I/O, no GUIDs, no randomness.
/// </summary>
public interface IOrchestrationPort
{
    /// <summary>The orchestration's current time (Durable: <c>CurrentUtcDateTime</c>, recorded in history).</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>
    /// Whether the stop event has been received (Durable: the execution's one stop wait has completed, which history
    /// decides). The loop checks it after each activity and before each command, so that a stop raised while an
    /// activity ran ends the instance before its next node, as the embedded engine ends it at once.
    /// </summary>
    bool StopRequested { get; }

    /// <summary>Activity: the journey version and the configuration it uses.</summary>
    Task<JourneySnapshot> LoadJourneyAsync(JourneyVersionRef journey);

    /// <summary>Activity: calls a custom action (HTTP, retries, idempotency key) and reports its result.</summary>
    Task<ActionCompletedInput> CallActionAsync(ActionCallRequest request);

    /// <summary>Activity: fetches one data-source field group.</summary>
    Task<DataFetchedInput> FetchDataAsync(DataFetchRequest request);

    /// <summary>Activity: appends one step's events, adds their report counters, and records the exit when the instance ended.</summary>
    Task RecordStepsAsync(StepRecord record);

    /// <summary>Activity: enters the profile into the target journey's live version.</summary>
    Task<JumpOutcome> JumpAsync(JumpRequest request);

    /// <summary>A durable timer, raced against the external event named in the request (if any) and the stop event.</summary>
    Task<WaitOutcome> WaitAsync(WaitRequest request);

    /// <summary>
    /// A wait for the event named in the request that several events can reach (one timer and one stop wait for
    /// all of them): what a <see cref="OrchestrationLogic.TimerKeptAcrossIgnoredEvents"/> instance waits with.
    /// </summary>
    IEventWait BeginEventWait(WaitRequest request);

    /// <summary>Restarts the orchestration with <paramref name="input"/> and an empty history.</summary>
    void ContinueAsNew(OrchestrationInput input, bool preserveUnprocessedEvents);
}
