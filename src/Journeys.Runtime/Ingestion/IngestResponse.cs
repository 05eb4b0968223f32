namespace Journeys.Runtime.Ingestion;

/// <summary>The body of a <c>POST /api/ingest</c> response: one result per event, in the order sent.</summary>
public sealed record IngestResponse(IReadOnlyList<IngestResult> Results);
