using System.Text.Json.Serialization;

namespace Journeys.Host.Bench;

/// <summary>Source-generated JSON for the bench results file and the mock endpoint's request body.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchResults))]
[JsonSerializable(typeof(ActionHit))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
