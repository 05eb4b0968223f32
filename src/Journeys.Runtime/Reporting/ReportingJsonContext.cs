using System.Text.Json.Serialization;

namespace Journeys.Runtime.Reporting;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JourneyReport))]
[JsonSerializable(typeof(InstanceView))]
[JsonSerializable(typeof(HealthReport))]
public sealed partial class ReportingJsonContext : JsonSerializerContext;
