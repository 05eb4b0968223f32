using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>What the host did with a <see cref="JumpCommand"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JumpOutcome>))]
public enum JumpOutcome
{
    /// <summary>The profile entered the target journey's live version.</summary>
    [JsonStringEnumMemberName("entered")] Entered,

    /// <summary>The profile was already active in the target journey; the jump is skipped (SPEC §2).</summary>
    [JsonStringEnumMemberName("skippedAlreadyActive")] SkippedAlreadyActive,

    /// <summary>The target journey does not allow re-entry and the profile has been in it before.</summary>
    [JsonStringEnumMemberName("skippedReentryNotAllowed")] SkippedReentryNotAllowed,

    /// <summary>The profile left the target journey less than its <c>reentry.afterSeconds</c> ago.</summary>
    [JsonStringEnumMemberName("skippedReentryTooSoon")] SkippedReentryTooSoon,

    /// <summary>The target journey has no live version (closed, stopped or never published).</summary>
    [JsonStringEnumMemberName("noLiveVersion")] NoLiveVersion,
}
