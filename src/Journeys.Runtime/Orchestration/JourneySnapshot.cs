namespace Journeys.Runtime.Orchestration;

/// <summary>
/// A published journey version with the configuration it uses, as contract JSON: what an orchestration compiles
/// its journey from. It is loaded by an activity so that it lands in the orchestration history and every replay
/// compiles the very same journey, whatever happens to the catalog meanwhile.
/// </summary>
public sealed record JourneySnapshot
{
    public required string JourneyId { get; init; }

    public required int Version { get; init; }

    public required string JourneyJson { get; init; }

    /// <summary>
    /// The version was stopped when the snapshot was taken: an orchestration that reads this ends its instance as
    /// stopped, even if it missed the stop event (the catalog is the durable truth).
    /// </summary>
    public bool Stopped { get; init; }

    /// <summary>Event definition id → body, for the entry event and the events the journey waits for.</summary>
    public IReadOnlyDictionary<string, string> Events { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Custom action id → body, for the actions the journey calls.</summary>
    public IReadOnlyDictionary<string, string> Actions { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Data source id → body, for the sources the journey's expressions read.</summary>
    public IReadOnlyDictionary<string, string> DataSources { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
