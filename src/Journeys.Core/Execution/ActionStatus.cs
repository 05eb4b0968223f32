using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>Outcome of a custom action call as journeys read it in <c>actions.&lt;node&gt;.status</c> (SPEC §2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("error")] Error,
    [JsonStringEnumMemberName("timedout")] TimedOut,
    [JsonStringEnumMemberName("capped")] Capped,
}
