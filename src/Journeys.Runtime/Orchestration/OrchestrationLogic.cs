using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// Versions of the orchestration logic (the loop and the stepper as far as they decide which Durable calls an
/// instance makes). An instance keeps the version it started with for its whole life, across continue-as-new
/// (<see cref="OrchestrationInput.LogicVersion"/>), because Durable replays its history against whatever code is
/// deployed: a change that makes other calls for the same history is gated on the version, so that only instances
/// started after the deploy take it. How to make such a change: docs/azure.md, "Changing orchestration behaviour".
/// </summary>
public static class OrchestrationLogic
{
    /// <summary>Instances started before the version was carried: their input has no <c>logicVersion</c>.</summary>
    public const int Initial = 1;

    /// <summary>
    /// Version 2: a wait for an event keeps its timer and its stop wait across events it ignores (another cart's
    /// order, a stale event) and waits only for the next event; version 1 cancelled both and created them again for
    /// every ignored event, leaving one more timer to fire into nothing at the timeout.
    /// </summary>
    public const int TimerKeptAcrossIgnoredEvents = 2;

    /// <summary>
    /// Version 3: a data-source path in which a value renders empty as a whole segment fails the node
    /// (<see cref="StepRules.RefuseEmptyPathSegments"/>); before, the stepper asked for the fetch.
    /// </summary>
    public const int EmptyPathSegmentRefused = 3;

    /// <summary>
    /// Version 4: the stop event is waited for once per execution (<see cref="IDurableSignals.Stop"/>) and checked
    /// after each activity, so a stop raised while an activity ran ends the instance before its next node; before,
    /// each wait raced a stop wait of its own (and the SDK could hand such a stop to a cancelled one).
    /// </summary>
    public const int StopWaitedOncePerExecution = 4;

    /// <summary>What a new instance gets: the newest version.</summary>
    public const int Current = StopWaitedOncePerExecution;

    /// <summary>The stepper rules of a logic version.</summary>
    public static StepRules StepRulesOf(int version) =>
        version >= EmptyPathSegmentRefused ? StepRules.Current : StepRules.Current with { RefuseEmptyPathSegments = false };

    /// <summary>The version an input runs with (<see cref="Initial"/> when it carries none).</summary>
    public static int Of(OrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.LogicVersion ?? Initial;
    }
}
