using Microsoft.DurableTask;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// Runs the app's orchestrator function (<paramref name="orchestrator"/>) for one execution on <paramref name="context"/>,
/// for tests that observe executions (golden-history recording); it must call the function exactly once.
/// </summary>
internal delegate Task OrchestratorWrapper(TaskOrchestrationContext context, Func<TaskOrchestrationContext, Task> orchestrator);
