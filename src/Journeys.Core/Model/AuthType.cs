using System.Text.Json.Serialization;

namespace Journeys.Core.Model;

[JsonConverter(typeof(JsonStringEnumConverter<AuthType>))]
public enum AuthType
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("basic")] Basic,
    [JsonStringEnumMemberName("apiKey")] ApiKey,
    [JsonStringEnumMemberName("bearer")] Bearer,
}
