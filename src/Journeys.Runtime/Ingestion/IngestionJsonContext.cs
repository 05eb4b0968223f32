using System.Text.Json.Serialization;

namespace Journeys.Runtime.Ingestion;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IngestResponse))]
public sealed partial class IngestionJsonContext : JsonSerializerContext;
