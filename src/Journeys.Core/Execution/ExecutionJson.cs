using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>Reads and writes the stepper's types with <see cref="ExecutionJsonContext"/> (no reflection).</summary>
public static class ExecutionJson
{
    private static readonly ExecutionJsonContext Context = ExecutionJsonContext.Default;

    public static byte[] Serialize(InstanceState state) => JsonSerializer.SerializeToUtf8Bytes(state, Context.InstanceState);

    public static InstanceState? DeserializeState(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Context.InstanceState);

    public static byte[] Serialize(JourneyCommand command) => JsonSerializer.SerializeToUtf8Bytes(command, Context.JourneyCommand);

    public static JourneyCommand? DeserializeCommand(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Context.JourneyCommand);

    public static byte[] Serialize(StepInput input) => JsonSerializer.SerializeToUtf8Bytes(input, Context.StepInput);

    public static StepInput? DeserializeInput(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, Context.StepInput);

    public static byte[] Serialize(IReadOnlyList<StepEvent> events) => JsonSerializer.SerializeToUtf8Bytes(events, Context.IReadOnlyListStepEvent);

    public static byte[] Serialize(StepEvent stepEvent) => JsonSerializer.SerializeToUtf8Bytes(stepEvent, Context.StepEvent);
}
