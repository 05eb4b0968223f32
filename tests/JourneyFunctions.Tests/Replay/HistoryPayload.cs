using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Payloads in a history file. The app passes JSON text through Durable (activity inputs and results, the
/// orchestration input, event payloads); a string that holds a JSON object or array is kept as that JSON, so the
/// file shows it rather than an escaped string, and is turned back into the same JSON text on replay.
/// </summary>
internal static class HistoryPayload
{
    public static JsonNode? Encode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text when text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('['):
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(text);
                }

            case string text:
                return JsonValue.Create(text);
            default:
                return JsonSerializer.SerializeToNode(value, value.GetType());
        }
    }

    public static T? Decode<T>(JsonNode? node)
    {
        if (node is null)
        {
            return default;
        }

        if (typeof(T) == typeof(string))
        {
            var text = node is JsonValue value && value.TryGetValue<string>(out var plain) ? plain : node.ToJsonString();
            return (T)(object)text;
        }

        return node.Deserialize<T>();
    }
}
