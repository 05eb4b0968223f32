using Journeys.Core.Model;

namespace Journeys.Runtime.Catalog;

/// <summary>What <c>GET /api/journeys/{id}</c> shows: the draft with its ETag, the status, the live version and every version.</summary>
public sealed record JourneyDetails(
    string Id,
    Journey Draft,
    string DraftETag,
    DateTimeOffset DraftUpdatedAt,
    JourneyStatus Status,
    int? LiveVersion,
    IReadOnlyList<JourneyVersionSummary> Versions);
