namespace Journeys.Execution;

/// <summary>The contract names of the stepper's enums, for step-event outcomes and <c>actions.&lt;node&gt;.status</c>; they match the JSON names.</summary>
internal static class ExecutionNames
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
