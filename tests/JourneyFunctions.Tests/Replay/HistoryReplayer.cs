using Microsoft.DurableTask;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Replays a committed history against the current orchestrator code, generation by generation, the way Durable
/// replays an instance after a deploy: each generation's orchestrator runs on a <see cref="ReplayingOrchestrationContext"/>
/// on one thread, gets the recorded answers in the recorded order, and must make exactly the recorded calls and end
/// where the history ends. Throws <see cref="ReplayDivergenceException"/> at the first difference.
/// </summary>
internal static class HistoryReplayer
{
    public static void Replay(OrchestrationHistory history, Func<TaskOrchestrationContext, Task> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(history);
        foreach (var orchestration in history.Orchestrations)
        {
            for (var index = 0; index < orchestration.Executions.Count; index++)
            {
                var where = $"history '{history.Scenario}', {orchestration.InstanceId}, execution {index + 1}";
                ReplayGeneration(orchestration.InstanceId, orchestration.Executions[index], where, orchestrator);
            }
        }
    }

    private static void ReplayGeneration(string instanceId, HistoryGeneration generation, string where, Func<TaskOrchestrationContext, Task> orchestrator)
    {
        var context = new ReplayingOrchestrationContext(instanceId, generation, where);
        var thread = new ReplaySynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(thread);
        Task run;
        try
        {
            try
            {
                run = orchestrator(context);
            }
#pragma warning disable CA1031 // Whatever the orchestrator throws is reported below, with the divergence that caused it if any.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                run = Task.FromException(ex);
            }

            do
            {
                thread.Pump();
            }
            while (!run.IsCompleted && context.DeliverNext());
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (context.Divergence is { } divergence)
        {
            throw divergence;
        }

        if (run.IsFaulted)
        {
            throw new ReplayDivergenceException($"{where}: the orchestrator failed where the history goes on: {run.Exception!.InnerException!.Message}", run.Exception.InnerException!);
        }

        if (!run.IsCompleted)
        {
            throw new ReplayDivergenceException($"{where}: the history has ended, but the orchestrator still waits on {context.Waiting()}.");
        }

        if (context.Next is { } next)
        {
            throw new ReplayDivergenceException($"{where}: the orchestrator returned, but the history goes on with the {next}.");
        }
    }
}
