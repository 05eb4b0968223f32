namespace Journeys.Runtime.Simulation;

/// <summary>
/// A SPEC §8 scenario, read and checked: when it starts, the events and their offsets, the data-source stubs by
/// <c>source.group</c> then profile id (<c>*</c> for any other), the action stubs by action id, and the virtual-time
/// bound.
/// </summary>
public sealed record Scenario
{
    /// <summary>The instant scenarios start at when they give no <c>start</c>.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>In scenario order; the simulator ingests them by offset, ties in this order.</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary><c>source.group</c> → profile id (or <c>*</c>) → the group's response body.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, System.Text.Json.JsonElement>> Data { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, System.Text.Json.JsonElement>>(StringComparer.Ordinal);

    /// <summary>Action id → the answers, consumed attempt by attempt; the last one answers every later attempt.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ActionStub>> Actions { get; init; } =
        new Dictionary<string, IReadOnlyList<ActionStub>>(StringComparer.Ordinal);

    /// <summary>How long after <see cref="Start"/> virtual time runs; null: the journey timeout after the last event.</summary>
    public TimeSpan? Until { get; init; }
}
