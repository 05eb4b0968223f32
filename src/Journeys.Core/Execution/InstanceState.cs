using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// Everything the stepper knows about one instance; small, immutable, serialised with
/// <see cref="ExecutionJsonContext"/>. Maps are kept in ordinal key order so that the same history always
/// serialises to the same bytes. Times are UTC.
/// </summary>
public sealed record InstanceState
{
    public required string JourneyId { get; init; }

    public required int Version { get; init; }

    public required string ProfileId { get; init; }

    public required string InstanceId { get; init; }

    public InstanceStatus Status { get; init; }

    /// <summary>The node the instance is at (the last one, once ended).</summary>
    public string? Node { get; init; }

    public WaitKind Waiting { get; init; }

    /// <summary>When the current timer fires: a wait's due time or a waitForEvent's timeout (never after <see cref="Deadline"/>).</summary>
    public DateTimeOffset? WakeAt { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The journey timeout: any input at or after it ends the instance <see cref="InstanceStatus.TimedOut"/>.</summary>
    public DateTimeOffset Deadline { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Sequence number of the last step event emitted.</summary>
    public long Sequence { get; init; }

    /// <summary>How many times each node was entered; the visit number makes action idempotency keys.</summary>
    public IReadOnlyDictionary<string, int> Visits { get; init; } = EmptyVisits;

    /// <summary>The event that started the instance (<c>entry</c> in expressions).</summary>
    public JsonElement Entry { get; init; }

    /// <summary>Object keyed by waitForEvent node id: the event that moved it on (<c>events</c> in expressions).</summary>
    public JsonElement? ReceivedEvents { get; init; }

    /// <summary>Object keyed by action node id: <c>{ status, statusCode, body }</c> (<c>actions</c> in expressions).</summary>
    public JsonElement? ActionResults { get; init; }

    /// <summary>Object <c>{ source: { group: body } }</c> (<c>data</c> in expressions).</summary>
    public JsonElement? Data { get; init; }

    /// <summary>When each fetched group arrived, ordered by source then group.</summary>
    public IReadOnlyList<DataStamp>? DataFetchedAt { get; init; }

    /// <summary>Groups the current node still needs, in fetch order; the first is being fetched.</summary>
    public IReadOnlyList<Journeys.Core.Expressions.DataReference>? PendingData { get; init; }

    /// <summary>The command the instance waits on; <see cref="ResumeInput"/> returns it again.</summary>
    public JourneyCommand? Pending { get; init; }

    /// <summary>The visits of an instance that has entered no node yet (sorted and empty).</summary>
    internal static IReadOnlyDictionary<string, int> NoVisits => EmptyVisits;

    private static readonly IReadOnlyDictionary<string, int> EmptyVisits = new SortedDictionary<string, int>(StringComparer.Ordinal);
}
