using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>Where an instance stands: running, or one of the four ways it can end (SPEC §5, §6 report).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))]
public enum InstanceStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("errored")] Errored,
    [JsonStringEnumMemberName("stopped")] Stopped,
    [JsonStringEnumMemberName("timedOut")] TimedOut,
}
