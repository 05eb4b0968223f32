using System.Text.Json.Serialization;

namespace Journeys.Execution;

/// <summary>What the host did with a <see cref="JumpCommand"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JumpOutcome>))]
public enum JumpOutcome
{
    /// <summary>The profile entered the target journey's live version.</summary>
    [JsonStringEnumMemberName("entered")] Entered,

    /// <summary>The profile was already active in the target journey; the jump is skipped (SPEC §2).</summary>
    [JsonStringEnumMemberName("skippedAlreadyActive")] SkippedAlreadyActive,

    /// <summary>The target journey has no live version (closed, stopped or never published).</summary>
    [JsonStringEnumMemberName("noLiveVersion")] NoLiveVersion,
}
