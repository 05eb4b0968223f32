using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Core.Execution;

namespace Journeys.Embedded.Storage;

/// <summary>
/// The step events of one step, stored together in one row (fewer rows than one per event). When the events share
/// one clock reading and number on from the row's first sequence (what the stepper emits), the row holds
/// <c>{"at":…,"events":[…]}</c> with neither field repeated per event: a third of a waiting instance's step bytes.
/// Otherwise, and in rows written before, it is the plain JSON array of <see cref="StepEvent"/>.
/// </summary>
internal static class StepEventsCodec
{
    private static readonly JsonTypeInfo<IReadOnlyList<StepEvent>> CompactTypeInfo = CreateCompactTypeInfo();

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<StepEvent> events)
    {
        if (events.Count == 0 || !IsUniform(events))
        {
            JsonSerializer.Serialize(writer, events, ExecutionJsonContext.Default.IReadOnlyListStepEvent);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("at", events[0].At);
        writer.WritePropertyName("events");
        JsonSerializer.Serialize(writer, events, CompactTypeInfo);
        writer.WriteEndObject();
    }

    public static IReadOnlyList<StepEvent> Read(byte[] utf8, long firstSequence)
    {
        if (utf8.Length == 0 || utf8[0] == (byte)'[')
        {
            return JsonSerializer.Deserialize(utf8, ExecutionJsonContext.Default.IReadOnlyListStepEvent) ?? [];
        }

        using var document = JsonDocument.Parse(utf8);
        var at = document.RootElement.GetProperty("at").GetDateTimeOffset();
        var events = document.RootElement.GetProperty("events").Deserialize(CompactTypeInfo) ?? [];
        return events.Select((e, i) => e with { Sequence = firstSequence + i, At = at }).ToArray();
    }

    private static bool IsUniform(IReadOnlyList<StepEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].At != events[0].At || events[i].At.Offset != events[0].At.Offset || events[i].Sequence != events[0].Sequence + i)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonTypeInfo<IReadOnlyList<StepEvent>> CreateCompactTypeInfo()
    {
        var options = new JsonSerializerOptions(ExecutionJsonContext.Default.Options)
        {
            TypeInfoResolver = ExecutionJsonContext.Default.WithAddedModifier(static info =>
            {
                if (info.Type != typeof(StepEvent))
                {
                    return;
                }

                foreach (var property in info.Properties.Where(p => p.Name is "sequence" or "at"))
                {
                    property.ShouldSerialize = static (_, _) => false;
                    property.IsRequired = false;
                }
            }),
        };
        return (JsonTypeInfo<IReadOnlyList<StepEvent>>)options.GetTypeInfo(typeof(IReadOnlyList<StepEvent>));
    }
}
