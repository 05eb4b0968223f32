using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Core.Execution;

namespace Journeys.Embedded.Storage;

/// <summary>
/// The instance state as stored: the stepper's JSON without the fields the row already holds in columns (ids,
/// version, status), which are put back on reading. About a sixth of a waiting instance's state, and the storage goal
/// is ≤ 1 KiB per waiting instance beyond its entry event. Rows written before this codec still carry the fields;
/// they read the same, because the columns win either way.
/// </summary>
internal static class StoredStateCodec
{
    private static readonly HashSet<string> InColumns = new(StringComparer.Ordinal) { "journeyId", "version", "profileId", "instanceId", "status" };

    private static readonly JsonTypeInfo<InstanceState> TypeInfo = CreateTypeInfo();

    public static void Write(Utf8JsonWriter writer, InstanceState state) => JsonSerializer.Serialize(writer, state, TypeInfo);

    public static InstanceState Read(ReadOnlySpan<byte> utf8, string instanceId, string journeyId, int version, string profileId, string status)
    {
        var stored = JsonSerializer.Deserialize(utf8, TypeInfo) ?? throw new InvalidDataException("A stored instance state is empty.");
        return stored with { InstanceId = instanceId, JourneyId = journeyId, Version = version, ProfileId = profileId, Status = ParseStatus(status) };
    }

    /// <summary>Stored instance rows spell statuses as the contract does.</summary>
    public static string StatusName(InstanceStatus status) => ExecutionNames.Of(status);

    private static InstanceStatus ParseStatus(string status) =>
        ExecutionNames.TryParse(status, out var parsed) ? parsed : throw new InvalidDataException($"Unknown stored instance status '{status}'.");

    private static JsonTypeInfo<InstanceState> CreateTypeInfo()
    {
        var options = new JsonSerializerOptions(ExecutionJsonContext.Default.Options)
        {
            TypeInfoResolver = ExecutionJsonContext.Default.WithAddedModifier(static info =>
            {
                if (info.Type != typeof(InstanceState))
                {
                    return;
                }

                foreach (var property in info.Properties.Where(p => InColumns.Contains(p.Name)))
                {
                    property.ShouldSerialize = static (_, _) => false;
                    property.IsRequired = false;
                }
            }),
        };
        return (JsonTypeInfo<InstanceState>)options.GetTypeInfo(typeof(InstanceState));
    }
}
