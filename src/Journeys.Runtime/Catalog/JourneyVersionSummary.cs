namespace Journeys.Runtime.Catalog;

/// <summary>One published version as journey listings show it (no body).</summary>
/// <param name="EndedAt">When it stopped being live (closed, superseded or stopped); null while live.</param>
public sealed record JourneyVersionSummary(int Version, JourneyVersionStatus Status, DateTimeOffset PublishedAt, DateTimeOffset? EndedAt);
