using Journeys.Runtime.Ingestion;

namespace Journeys.Azure.Durable;

/// <summary>What one Event Hubs batch came to: a result per routed event and how many items were dead-lettered.</summary>
public sealed record IngestBatchSummary(IReadOnlyList<IngestResult> Results, int DeadLettered);
