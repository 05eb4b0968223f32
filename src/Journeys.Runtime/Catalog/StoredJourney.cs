namespace Journeys.Runtime.Catalog;

/// <summary>A journey's partition as the store keeps it: the draft, the status and the versions (without bodies).</summary>
public sealed record StoredJourney(
    string Id,
    string DraftJson,
    string DraftETag,
    DateTimeOffset DraftUpdatedAt,
    JourneyStatus Status,
    int? LiveVersion,
    IReadOnlyList<JourneyVersionSummary> Versions);
