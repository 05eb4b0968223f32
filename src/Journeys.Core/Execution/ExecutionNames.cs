namespace Journeys.Core.Execution;

/// <summary>
/// The contract names of the stepper's enums, for step-event outcomes, <c>actions.&lt;node&gt;.status</c> and stored
/// instance rows; they match the JSON names.
/// </summary>
public static class ExecutionNames
{
    public static string Of(InstanceStatus status) => status switch
    {
        InstanceStatus.Active => "active",
        InstanceStatus.Completed => "completed",
        InstanceStatus.Errored => "errored",
        InstanceStatus.Stopped => "stopped",
        InstanceStatus.TimedOut => "timedOut",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The inverse of <see cref="Of(InstanceStatus)"/>; false for any other text.</summary>
    public static bool TryParse(string? name, out InstanceStatus status)
    {
        status = name switch
        {
            "active" => InstanceStatus.Active,
            "completed" => InstanceStatus.Completed,
            "errored" => InstanceStatus.Errored,
            "stopped" => InstanceStatus.Stopped,
            "timedOut" => InstanceStatus.TimedOut,
            _ => (InstanceStatus)(-1),
        };
        return Enum.IsDefined(status);
    }

    public static string Of(WaitKind kind) => kind switch
    {
        WaitKind.None => "none",
        WaitKind.Timer => "timer",
        WaitKind.Event => "event",
        WaitKind.Action => "action",
        WaitKind.Data => "data",
        WaitKind.Jump => "jump",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(ActionStatus status) => status switch
    {
        ActionStatus.Ok => "ok",
        ActionStatus.Error => "error",
        ActionStatus.TimedOut => "timedout",
        ActionStatus.Capped => "capped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
