using System.Text.Json;
using Journeys.Execution;

namespace Journeys.Storage.Sqlite;

/// <summary>The step events of one step, stored together as one JSON array (fewer rows than one per event).</summary>
internal static class StepEventsCodec
{
    public static byte[] Write(IReadOnlyList<StepEvent> events) => ExecutionJson.Serialize(events);

    public static IReadOnlyList<StepEvent> Read(byte[] utf8) =>
        JsonSerializer.Deserialize(utf8, ExecutionJsonContext.Default.IReadOnlyListStepEvent) ?? [];
}
