using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// Reads and writes orchestration payloads as JSON text with <see cref="OrchestrationJsonContext"/>. Reading throws
/// <see cref="JsonException"/> on malformed text or a JSON <c>null</c>: a payload we wrote ourselves is never null.
/// </summary>
public static class OrchestrationJson
{
    private static readonly OrchestrationJsonContext Context = OrchestrationJsonContext.Default;

    public static string Serialize(OrchestrationInput value) => Write(value, Context.OrchestrationInput);

    public static OrchestrationInput DeserializeInput(string json) => Read(json, Context.OrchestrationInput);

    public static string Serialize(EventEnvelope value) => Write(value, Context.EventEnvelope);

    public static EventEnvelope DeserializeEnvelope(string json) => Read(json, Context.EventEnvelope);

    public static string Serialize(JourneySnapshot value) => Write(value, Context.JourneySnapshot);

    public static JourneySnapshot DeserializeSnapshot(string json) => Read(json, Context.JourneySnapshot);

    public static string Serialize(JourneyVersionRef value) => Write(value, Context.JourneyVersionRef);

    public static JourneyVersionRef DeserializeVersionRef(string json) => Read(json, Context.JourneyVersionRef);

    public static string Serialize(ActionCallRequest value) => Write(value, Context.ActionCallRequest);

    public static ActionCallRequest DeserializeActionCall(string json) => Read(json, Context.ActionCallRequest);

    public static string Serialize(DataFetchRequest value) => Write(value, Context.DataFetchRequest);

    public static DataFetchRequest DeserializeDataFetch(string json) => Read(json, Context.DataFetchRequest);

    public static string Serialize(JumpRequest value) => Write(value, Context.JumpRequest);

    public static JumpRequest DeserializeJump(string json) => Read(json, Context.JumpRequest);

    public static string Serialize(StepRecord value) => Write(value, Context.StepRecord);

    public static StepRecord DeserializeStepRecord(string json) => Read(json, Context.StepRecord);

    public static string Serialize(ActionCompletedInput value) => Write(value, Context.ActionCompletedInput);

    public static ActionCompletedInput DeserializeActionCompleted(string json) => Read(json, Context.ActionCompletedInput);

    public static string Serialize(DataFetchedInput value) => Write(value, Context.DataFetchedInput);

    public static DataFetchedInput DeserializeDataFetched(string json) => Read(json, Context.DataFetchedInput);

    public static string Serialize(JumpOutcome value) => Write(value, Context.JumpOutcome);

    public static JumpOutcome DeserializeJumpOutcome(string json) => JsonSerializer.Deserialize(json, Context.JumpOutcome);

    private static string Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    private static T Read<T>(string json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"A {typeof(T).Name} payload was null.");
    }
}
