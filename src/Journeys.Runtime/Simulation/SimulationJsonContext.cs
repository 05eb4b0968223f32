using System.Text.Json.Serialization;

namespace Journeys.Runtime.Simulation;

/// <summary>Source-generated JSON of the simulation answer; the same bytes for the same scenario.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SimulationResult))]
public sealed partial class SimulationJsonContext : JsonSerializerContext;
