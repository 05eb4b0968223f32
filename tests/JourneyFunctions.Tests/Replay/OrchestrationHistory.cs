using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// A committed golden history: what the app's orchestrator called and got in a real run of a sample on a Durable
/// Task engine. Read from and written to JSON by hand, so that the file's layout (field order, one object per
/// timeline entry, payloads as JSON rather than escaped strings) stays readable and stable.
/// </summary>
internal sealed record OrchestrationHistory(string Scenario, IReadOnlyList<RecordedOrchestration> Orchestrations)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static OrchestrationHistory Read(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        return new OrchestrationHistory(
            (string)root["scenario"]!,
            root["orchestrations"]!.AsArray().Select(o => new RecordedOrchestration(
                (string)o!["instanceId"]!,
                o["executions"]!.AsArray().Select(g => ReadGeneration(g!.AsObject())).ToList())).ToList());
    }

    public string Write()
    {
        var root = new JsonObject
        {
            ["scenario"] = Scenario,
            ["orchestrations"] = new JsonArray(Orchestrations.Select(o => (JsonNode)new JsonObject
            {
                ["instanceId"] = o.InstanceId,
                ["executions"] = new JsonArray(o.Executions.Select(g => (JsonNode)WriteGeneration(g)).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static HistoryGeneration ReadGeneration(JsonObject generation) => new(
        generation["input"]!.DeepClone(),
        ParseTime((string)generation["startedAt"]!),
        generation["timeline"]!.AsArray().Select(e => ReadEntry(e!.AsObject())).ToList());

    private static JsonObject WriteGeneration(HistoryGeneration generation) => new()
    {
        ["input"] = generation.Input.DeepClone(),
        ["startedAt"] = HistoryEntry.Time(generation.StartedAt),
        ["timeline"] = new JsonArray(generation.Timeline.Select(e => (JsonNode)WriteEntry(e)).ToArray()),
    };

    private static HistoryEntry ReadEntry(JsonObject entry)
    {
        if (entry.ContainsKey("activity"))
        {
            return new HistoryEntry { Kind = HistoryEntryKind.Activity, Call = (int)entry["call"]!, Name = (string)entry["activity"]!, Payload = entry["input"]?.DeepClone() };
        }

        if (entry.ContainsKey("timer"))
        {
            return new HistoryEntry { Kind = HistoryEntryKind.Timer, Call = (int)entry["call"]!, At = ParseTime((string)entry["timer"]!) };
        }

        if (entry.ContainsKey("waitForEvent"))
        {
            return new HistoryEntry { Kind = HistoryEntryKind.WaitForEvent, Call = (int)entry["call"]!, Name = (string)entry["waitForEvent"]! };
        }

        if (entry.ContainsKey("cancel"))
        {
            return new HistoryEntry { Kind = HistoryEntryKind.Cancel, Call = (int)entry["cancel"]! };
        }

        if (entry.ContainsKey("continueAsNew"))
        {
            return new HistoryEntry
            {
                Kind = HistoryEntryKind.ContinueAsNew,
                Payload = entry["continueAsNew"]?.DeepClone(),
                PreserveUnprocessedEvents = (bool)entry["preserveUnprocessedEvents"]!,
            };
        }

        if (entry.ContainsKey("completed"))
        {
            return new HistoryEntry
            {
                Kind = HistoryEntryKind.Completed,
                Call = (int)entry["completed"]!,
                At = ParseTime((string)entry["at"]!),
                Payload = entry["result"]?.DeepClone(),
                Synchronously = entry["synchronously"] is { } synchronously && (bool)synchronously,
            };
        }

        if (entry.ContainsKey("failed"))
        {
            return new HistoryEntry { Kind = HistoryEntryKind.Failed, Call = (int)entry["failed"]!, At = ParseTime((string)entry["at"]!), Error = (string?)entry["error"] };
        }

        throw new JsonException($"Unknown history entry: {entry.ToJsonString()}");
    }

    private static JsonObject WriteEntry(HistoryEntry entry)
    {
        switch (entry.Kind)
        {
            case HistoryEntryKind.Activity:
                return new JsonObject { ["call"] = entry.Call, ["activity"] = entry.Name, ["input"] = entry.Payload?.DeepClone() };
            case HistoryEntryKind.Timer:
                return new JsonObject { ["call"] = entry.Call, ["timer"] = HistoryEntry.Time(entry.At) };
            case HistoryEntryKind.WaitForEvent:
                return new JsonObject { ["call"] = entry.Call, ["waitForEvent"] = entry.Name };
            case HistoryEntryKind.Cancel:
                return new JsonObject { ["cancel"] = entry.Call };
            case HistoryEntryKind.ContinueAsNew:
                return new JsonObject { ["continueAsNew"] = entry.Payload?.DeepClone(), ["preserveUnprocessedEvents"] = entry.PreserveUnprocessedEvents };
            case HistoryEntryKind.Completed:
                var completed = new JsonObject { ["completed"] = entry.Call, ["at"] = HistoryEntry.Time(entry.At) };
                if (entry.Payload is not null)
                {
                    completed["result"] = entry.Payload.DeepClone();
                }

                if (entry.Synchronously)
                {
                    completed["synchronously"] = true;
                }

                return completed;
            default:
                return new JsonObject { ["failed"] = entry.Call, ["at"] = HistoryEntry.Time(entry.At), ["error"] = entry.Error };
        }
    }

    private static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
