using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Api.Json;

/// <summary>
/// Source-generated metadata for the API's own response bodies. Nulls are written (<c>"liveVersion": null</c>,
/// <c>"node": null</c>) so every field of the documented shape is always present.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ResourceView))]
[JsonSerializable(typeof(IReadOnlyList<ResourceView>))]
[JsonSerializable(typeof(JourneyView))]
[JsonSerializable(typeof(IReadOnlyList<JourneyView>))]
[JsonSerializable(typeof(ValidationResponse))]
[JsonSerializable(typeof(PublishResponse))]
[JsonSerializable(typeof(LifecycleResponse))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
