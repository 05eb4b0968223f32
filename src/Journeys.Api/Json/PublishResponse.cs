namespace Journeys.Api.Json;

/// <summary>The body of <c>POST /api/journeys/{id}/publish</c>: the number of the version that is now live.</summary>
public sealed record PublishResponse(int Version);
