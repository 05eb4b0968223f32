using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// One entry of a generation's timeline, in the order the orchestrator code saw it. Calls (activity, timer,
/// waitForEvent, cancel, continueAsNew) are what the code issued; completions are what the engine answered.
/// <see cref="Call"/> numbers the calls of a generation from 1 (a cancel or a completion names the call it concerns).
/// </summary>
internal sealed record HistoryEntry
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public required HistoryEntryKind Kind { get; init; }

    /// <summary>The call this entry issues, cancels or completes (0 for continue-as-new).</summary>
    public int Call { get; init; }

    /// <summary>The activity's or the event's name.</summary>
    public string? Name { get; init; }

    /// <summary>The activity's or continue-as-new's input, the completion's result (JSON), or null.</summary>
    public JsonNode? Payload { get; init; }

    /// <summary>A timer's fire time, or the orchestration time at which a completion was delivered.</summary>
    public DateTime? At { get; init; }

    /// <summary>A completion that was there when the call was made (an event Durable had buffered).</summary>
    public bool Synchronously { get; init; }

    /// <summary>Continue-as-new kept the unprocessed events.</summary>
    public bool PreserveUnprocessedEvents { get; init; }

    /// <summary>A failed activity's message.</summary>
    public string? Error { get; init; }

    public bool IsCall => Kind is not (HistoryEntryKind.Completed or HistoryEntryKind.Failed);

    /// <summary>Whether <paramref name="issued"/> is the same call (kind, name, time and input as JSON values).</summary>
    public bool SameCallAs(HistoryEntry issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return Kind == issued.Kind
            && Call == issued.Call
            && string.Equals(Name, issued.Name, StringComparison.Ordinal)
            && At == issued.At
            && PreserveUnprocessedEvents == issued.PreserveUnprocessedEvents
            && JsonNode.DeepEquals(Payload, issued.Payload);
    }

    /// <summary>One line naming the entry, with its payload as compact JSON.</summary>
    public override string ToString() => Kind switch
    {
        HistoryEntryKind.Activity => $"call #{Call}: activity {Name} {Compact(Payload)}",
        HistoryEntryKind.Timer => $"call #{Call}: timer until {Time(At)}",
        HistoryEntryKind.WaitForEvent => $"call #{Call}: wait for event '{Name}'",
        HistoryEntryKind.Cancel => $"cancel of call #{Call}",
        HistoryEntryKind.ContinueAsNew => $"continue as new (preserveUnprocessedEvents: {PreserveUnprocessedEvents}) {Compact(Payload)}",
        HistoryEntryKind.Completed => $"completion of call #{Call} at {Time(At)}",
        _ => $"failure of call #{Call} at {Time(At)}: {Error}",
    };

    public static string Time(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Compact(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";
}
