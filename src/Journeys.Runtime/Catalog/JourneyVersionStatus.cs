using System.Text.Json.Serialization;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// The status of one published version. At most one version of a journey is <see cref="Live"/>; a version that
/// stops being live is <see cref="Closed"/> (its instances finish on it) unless the journey was stopped.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<JourneyVersionStatus>))]
public enum JourneyVersionStatus
{
    [JsonStringEnumMemberName("live")] Live,
    [JsonStringEnumMemberName("closed")] Closed,
    [JsonStringEnumMemberName("stopped")] Stopped,
}
