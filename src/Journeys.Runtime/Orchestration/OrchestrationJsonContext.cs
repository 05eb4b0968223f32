using System.Text.Json.Serialization;
using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// Source-generated JSON for everything an orchestration puts in its history: its input, activity inputs and
/// outputs, raised event payloads. The Azure adapter passes these as JSON strings so that the Durable data
/// converter never needs reflection over our types.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(OrchestrationInput))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(JourneySnapshot))]
[JsonSerializable(typeof(JourneyVersionRef))]
[JsonSerializable(typeof(ActionCallRequest))]
[JsonSerializable(typeof(DataFetchRequest))]
[JsonSerializable(typeof(JumpRequest))]
[JsonSerializable(typeof(StepRecord))]
[JsonSerializable(typeof(ActionCompletedInput))]
[JsonSerializable(typeof(DataFetchedInput))]
[JsonSerializable(typeof(JumpOutcome))]
public sealed partial class OrchestrationJsonContext : JsonSerializerContext;
