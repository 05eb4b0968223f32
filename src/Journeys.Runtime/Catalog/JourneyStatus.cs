using System.Text.Json.Serialization;

namespace Journeys.Runtime.Catalog;

/// <summary>Where a journey is in its lifecycle (SPEC §4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JourneyStatus>))]
public enum JourneyStatus
{
    /// <summary>Never published: nothing runs.</summary>
    [JsonStringEnumMemberName("draft")] Draft,

    /// <summary>A live version takes new entrants.</summary>
    [JsonStringEnumMemberName("live")] Live,

    /// <summary>No new entrants; instances already in go on to their end.</summary>
    [JsonStringEnumMemberName("closed")] Closed,

    /// <summary>No new entrants and every active instance ends as <c>stopped</c>.</summary>
    [JsonStringEnumMemberName("stopped")] Stopped,
}
