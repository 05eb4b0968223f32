namespace Journeys.Runtime.Catalog;

/// <summary>One immutable published version with its body as JSON text.</summary>
public sealed record StoredJourneyVersion(string JourneyId, int Version, string BodyJson, DateTimeOffset PublishedAt);
