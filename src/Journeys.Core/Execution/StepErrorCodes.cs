namespace Journeys.Core.Execution;

/// <summary>
/// Stable codes of <see cref="StepEventKind.Error"/> step events (documented in docs/execution.md). Run-time
/// expression errors carry the expression language's own code (<c>EXPR_*</c>) instead.
/// </summary>
public static class StepErrorCodes
{
    /// <summary>No condition branch was true and the node has no <c>otherwise</c>.</summary>
    public const string ConditionNoMatch = "CONDITION_NO_MATCH";

    /// <summary>A condition's <c>when</c> gave a value that is neither boolean nor null.</summary>
    public const string ConditionNotBoolean = "CONDITION_NOT_BOOLEAN";

    /// <summary>A waitForEvent's <c>correlate</c> gave a value that is neither boolean nor null.</summary>
    public const string CorrelateNotBoolean = "CORRELATE_NOT_BOOLEAN";

    /// <summary>An action did not succeed and its node has no <c>errorNext</c>.</summary>
    public const string ActionFailed = "ACTION_FAILED";

    /// <summary>A data-source field group the node reads could not be fetched.</summary>
    public const string DataFetchFailed = "DATA_FETCH_FAILED";

    /// <summary>
    /// A rendered URL path would not be the definition's: a template value was '.' or '..' (a segment clients resolve
    /// away) or empty while being a whole segment. Nothing was sent. The connectors use the same code.
    /// </summary>
    public const string UrlPathSegment = "CONNECTOR_URL_PATH_SEGMENT";

    /// <summary>A wait's <c>until</c> gave null or something that is not a datetime.</summary>
    public const string WaitUntilInvalid = "WAIT_UNTIL_INVALID";

    /// <summary>The jump target has no live version.</summary>
    public const string JumpNoLiveVersion = "JUMP_NO_LIVE_VERSION";

    /// <summary>A successor is missing or names no node (validation prevents this; kept as a guard).</summary>
    public const string NodeMissing = "NODE_MISSING";

    /// <summary>Too many instantaneous transitions in one step (a loop through waits that are already due).</summary>
    public const string StepLimitExceeded = "STEP_LIMIT_EXCEEDED";
}
