using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>
/// Kinds of <see cref="StepEvent"/>. Per instance they nest as
/// <c>Started (Entered [Waiting Resumed]* [ActionResult|DataFetched|JumpSkipped|Error]* Exited)* Ended</c>, so report
/// counters follow directly: entered/exited/errors per node, waiting = Waiting − Resumed, branches = Exited by branch.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepEventKind>))]
public enum StepEventKind
{
    /// <summary>The instance was created (one per instance).</summary>
    [JsonStringEnumMemberName("started")] Started,

    /// <summary>The instance arrived at <see cref="StepEvent.Node"/>.</summary>
    [JsonStringEnumMemberName("entered")] Entered,

    /// <summary>The instance left the node through <see cref="StepEvent.Branch"/> to <see cref="StepEvent.Target"/>; both are null when it ended there.</summary>
    [JsonStringEnumMemberName("exited")] Exited,

    /// <summary>The instance parked at the node; <see cref="StepEvent.Outcome"/> names the <see cref="WaitKind"/>.</summary>
    [JsonStringEnumMemberName("waiting")] Waiting,

    /// <summary>The park ended; <see cref="StepEvent.Outcome"/> says why (timer, event, timeout, action, data, jump, stopped, timedOut).</summary>
    [JsonStringEnumMemberName("resumed")] Resumed,

    /// <summary>A custom action answered: <see cref="StepEvent.Outcome"/> is its status, with status code and latency.</summary>
    [JsonStringEnumMemberName("actionResult")] ActionResult,

    /// <summary>A data-source group arrived (<see cref="StepEvent.Outcome"/> is <c>source.group</c>) or failed (with a code).</summary>
    [JsonStringEnumMemberName("dataFetched")] DataFetched,

    /// <summary>A jump did not enter the target journey because the profile is already active there.</summary>
    [JsonStringEnumMemberName("jumpSkipped")] JumpSkipped,

    /// <summary>Something went wrong at the node; <see cref="StepEvent.Code"/> is stable (see <see cref="StepErrorCodes"/>).</summary>
    [JsonStringEnumMemberName("error")] Error,

    /// <summary>The instance ended; <see cref="StepEvent.Outcome"/> is the final <see cref="InstanceStatus"/>.</summary>
    [JsonStringEnumMemberName("ended")] Ended,
}
