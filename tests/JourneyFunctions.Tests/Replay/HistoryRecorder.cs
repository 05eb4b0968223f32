using Microsoft.DurableTask;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Runs the orchestrator of a real Durable engine over a <see cref="RecordingOrchestrationContext"/> and keeps, for
/// each orchestration id, the timeline of every execution that reached its end: the final execution of each
/// generation. An execution that ends again with the same input (a replayed last episode) replaces the first.
/// </summary>
internal sealed class HistoryRecorder
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, List<HistoryGeneration>> byInstance = new(StringComparer.Ordinal);

    /// <summary>The orchestrator wrapper to give <see cref="Durable.DurableEngine"/>.</summary>
    public async Task RunAsync(TaskOrchestrationContext context, Func<TaskOrchestrationContext, Task> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(orchestrator);
        var recording = new RecordingOrchestrationContext(context);
        await orchestrator(recording);
        var generation = new HistoryGeneration(HistoryPayload.Encode(context.GetInput<string>())!, recording.StartedAt, [.. recording.Timeline]);
        lock (gate)
        {
            if (!byInstance.TryGetValue(context.InstanceId, out var executions))
            {
                byInstance[context.InstanceId] = executions = [];
            }

            executions.RemoveAll(earlier => System.Text.Json.Nodes.JsonNode.DeepEquals(earlier.Input, generation.Input));
            executions.Add(generation);
        }
    }

    public OrchestrationHistory History(string scenario)
    {
        lock (gate)
        {
            return new OrchestrationHistory(scenario, [.. byInstance.Select(pair => new RecordedOrchestration(pair.Key, [.. pair.Value]))]);
        }
    }
}
