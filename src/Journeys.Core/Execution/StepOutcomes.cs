namespace Journeys.Core.Execution;

/// <summary>
/// The words step events carry (SPEC §5 step history): why a waiting instance resumed (<see cref="StepEvent.Outcome"/>
/// of <see cref="StepEventKind.Resumed"/>), which way a node was left (<see cref="StepEvent.Branch"/> of
/// <see cref="StepEventKind.Exited"/>) and why a jump was skipped. Stored and served as they are: never rename one.
/// </summary>
internal static class StepOutcomes
{
    // ---- Resumed: what moved the instance on ------------------------------------------------------------------
    public const string Timer = "timer";
    public const string Timeout = "timeout";
    public const string Event = "event";
    public const string Action = "action";
    public const string Data = "data";
    public const string Jump = "jump";
    public const string Error = "error";

    // ---- Exited: the branch taken (conditions and splits use their branch index, see StepRun.BranchName) ------
    public const string NextBranch = "next";
    public const string ErrorBranch = "error";
    public const string TimeoutBranch = "timeout";
    public const string OtherwiseBranch = "otherwise";

    // ---- A jump the target's entry rules refused --------------------------------------------------------------
    public const string SkippedAlreadyActive = "skippedAlreadyActive";
    public const string SkippedReentryNotAllowed = "skippedReentryNotAllowed";
    public const string SkippedReentryTooSoon = "skippedReentryTooSoon";
}
