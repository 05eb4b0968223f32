using System.Text.Json.Serialization;

namespace Journeys.Core.Execution;

/// <summary>What an active instance is parked on, i.e. which input moves it on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WaitKind>))]
public enum WaitKind
{
    /// <summary>Not waiting: the instance has ended.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>A wait node's timer (<see cref="TimerFiredInput"/>).</summary>
    [JsonStringEnumMemberName("timer")] Timer,

    /// <summary>A waitForEvent node: a correlating event or its timeout timer.</summary>
    [JsonStringEnumMemberName("event")] Event,

    /// <summary>A custom action call (<see cref="ActionCompletedInput"/>).</summary>
    [JsonStringEnumMemberName("action")] Action,

    /// <summary>A data-source fetch (<see cref="DataFetchedInput"/>).</summary>
    [JsonStringEnumMemberName("data")] Data,

    /// <summary>A jump into another journey (<see cref="JumpCompletedInput"/>).</summary>
    [JsonStringEnumMemberName("jump")] Jump,
}
