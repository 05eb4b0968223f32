using System.Text.Json.Serialization;

namespace Journeys.Host.Serving;

/// <summary>The content of a keys file.</summary>
public sealed record StoredKeys(string AdminKey, string IngestKey);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StoredKeys))]
internal sealed partial class KeyFileJsonContext : JsonSerializerContext;
