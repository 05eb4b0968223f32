using System.Text.Json.Serialization;

namespace Journeys.Connectors;

/// <summary>How a custom action call ended; the names are what journeys read as <c>actions.&lt;node&gt;.status</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStatus>))]
public enum ActionStatus
{
    /// <summary>The endpoint answered 2xx (and the declared response fields have their declared types).</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>Anything else: a non-2xx answer, a broken connection, a bad response, a configuration problem.</summary>
    [JsonStringEnumMemberName("error")] Error,

    /// <summary>The last attempt ran out of its <c>timeoutMs</c>.</summary>
    [JsonStringEnumMemberName("timedout")] TimedOut,

    /// <summary>The action's <c>capPerMinute</c> was used up: the endpoint was not called.</summary>
    [JsonStringEnumMemberName("capped")] Capped,
}
