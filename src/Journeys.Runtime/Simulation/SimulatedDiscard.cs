namespace Journeys.Runtime.Simulation;

/// <summary>
/// A scenario event, or one of its matches, that entered and resumed nothing, with the reason as the report counts
/// it (<c>duplicate</c>, <c>alreadyActive</c>, <c>reentryTooSoon</c>…) or <c>unmatched</c> when no definition matched.
/// </summary>
public sealed record SimulatedDiscard
{
    /// <summary>The event's position in the scenario's <c>events</c>.</summary>
    public required int EventIndex { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Reason { get; init; }

    /// <summary>The event definition concerned, when one matched.</summary>
    public string? Event { get; init; }

    /// <summary>The journey that refused entry, for entry refusals.</summary>
    public string? Journey { get; init; }

    public string? Message { get; init; }
}
