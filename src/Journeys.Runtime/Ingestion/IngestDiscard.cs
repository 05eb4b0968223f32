using Journeys.Core.Routing;

namespace Journeys.Runtime.Ingestion;

/// <summary>One refusal for one event: which event definition or journey refused it, and why.</summary>
public sealed record IngestDiscard(DiscardReason Reason, string? Journey = null, string? Event = null, string? Message = null);
