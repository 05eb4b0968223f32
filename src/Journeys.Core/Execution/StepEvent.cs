namespace Journeys.Core.Execution;

/// <summary>
/// One append-only record of what happened to an instance. <see cref="Sequence"/> numbers an instance's events
/// from 1 without gaps, so a host that stores a step twice (at-least-once) can recognise the duplicates.
/// </summary>
/// <param name="Sequence">Position in the instance's history, from 1.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Node">The node it happened at, when there is one.</param>
/// <param name="At">The step's clock reading (UTC).</param>
public sealed record StepEvent(long Sequence, StepEventKind Kind, string? Node, DateTimeOffset At)
{
    /// <summary>For <see cref="StepEventKind.Exited"/>: the branch taken — condition/split branch index (<c>"0"</c>, <c>"1"</c>…), <c>"otherwise"</c>, <c>"next"</c>, <c>"timeout"</c> or <c>"error"</c>.</summary>
    public string? Branch { get; init; }

    /// <summary>For <see cref="StepEventKind.Exited"/>: the node the instance moved to.</summary>
    public string? Target { get; init; }

    /// <summary>What the event resolved to: wait kind, resume reason, action status, data group, final status.</summary>
    public string? Outcome { get; init; }

    /// <summary>Stable error code for <see cref="StepEventKind.Error"/> (and failed data fetches).</summary>
    public string? Code { get; init; }

    /// <summary>A readable explanation.</summary>
    public string? Message { get; init; }

    /// <summary>For <see cref="StepEventKind.ActionResult"/>: the HTTP status code, when there was a response.</summary>
    public int? StatusCode { get; init; }

    /// <summary>For <see cref="StepEventKind.ActionResult"/>: the call's latency as the host measured it.</summary>
    public long? LatencyMs { get; init; }
}
