using System.Text.Json.Serialization;

namespace Journeys.Core.Routing;

/// <summary>Why an event did not start or resume anything; every discard is counted by reason in the report.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiscardReason>))]
public enum DiscardReason
{
    /// <summary>The event matched a definition but failed its field or required checks.</summary>
    [JsonStringEnumMemberName("invalidEvent")] InvalidEvent,

    /// <summary>The event's key was already seen within the de-duplication window.</summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,

    /// <summary>The profile already has an active instance in the journey.</summary>
    [JsonStringEnumMemberName("alreadyActive")] AlreadyActive,

    /// <summary>The journey does not allow re-entry and the profile has been in it before.</summary>
    [JsonStringEnumMemberName("reentryNotAllowed")] ReentryNotAllowed,

    /// <summary>Re-entry is allowed, but not this soon after the profile's last exit.</summary>
    [JsonStringEnumMemberName("reentryTooSoon")] ReentryTooSoon,

    /// <summary>
    /// The live journey this event enters cannot run: its version no longer compiles against the configuration
    /// (a definition changed under it). The discard's message says why.
    /// </summary>
    [JsonStringEnumMemberName("journeyUnavailable")] JourneyUnavailable,
}
