namespace JourneyFunctions.Tests.Replay;

/// <summary>What one entry of a recorded orchestration timeline is: a call the orchestrator made, or an answer it got.</summary>
internal enum HistoryEntryKind
{
    /// <summary>The orchestrator called an activity (name and input).</summary>
    Activity,

    /// <summary>The orchestrator created a durable timer (fire time).</summary>
    Timer,

    /// <summary>The orchestrator started waiting for an external event (name).</summary>
    WaitForEvent,

    /// <summary>The orchestrator cancelled one of its earlier calls (a timer or event wait that lost a race).</summary>
    Cancel,

    /// <summary>The orchestrator continued as new (input, whether unprocessed events are kept).</summary>
    ContinueAsNew,

    /// <summary>A call completed (activity result, timer fired, event received) at the orchestration time given.</summary>
    Completed,

    /// <summary>An activity failed (its error message).</summary>
    Failed,
}
