using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>Source-generated JSON for everything the stepper persists or a host puts on the wire.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(InstanceState))]
[JsonSerializable(typeof(StepInput))]
[JsonSerializable(typeof(JourneyCommand))]
[JsonSerializable(typeof(StepEvent))]
[JsonSerializable(typeof(IReadOnlyList<StepEvent>))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ExecutionJsonContext : JsonSerializerContext;
