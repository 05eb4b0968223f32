using System.Text.Json.Nodes;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// One execution of the orchestrator from its input to its end (completion or continue-as-new): the input it got,
/// the orchestration time it started at, and its whole timeline.
/// </summary>
internal sealed record HistoryGeneration(JsonNode Input, DateTime StartedAt, IReadOnlyList<HistoryEntry> Timeline);
