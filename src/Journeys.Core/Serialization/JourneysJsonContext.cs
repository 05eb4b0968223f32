using System.Text.Json;
using System.Text.Json.Serialization;
using Journeys.Core.Model;

namespace Journeys.Core.Serialization;

/// <summary>
/// Source-generated metadata for every contract body. Unknown properties are refused so that a typo such
/// as <c>"nxt"</c> is reported with its JSON path instead of being silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowOutOfOrderMetadataProperties = true,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 64)]
[JsonSerializable(typeof(EventDefinition))]
[JsonSerializable(typeof(DataSource))]
[JsonSerializable(typeof(CustomAction))]
[JsonSerializable(typeof(Journey))]
[JsonSerializable(typeof(JourneyNode))]
public sealed partial class JourneysJsonContext : JsonSerializerContext;
