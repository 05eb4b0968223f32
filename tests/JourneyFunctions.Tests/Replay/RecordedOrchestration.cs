namespace JourneyFunctions.Tests.Replay;

/// <summary>The generations (continue-as-new) and runs (re-entry) of one orchestration id, in the order they ended.</summary>
internal sealed record RecordedOrchestration(string InstanceId, IReadOnlyList<HistoryGeneration> Executions);
