namespace Journeys.Api.Json;

/// <summary>
/// The body of <c>POST /api/journeys/{id}/publish</c>: the number of the version that is now live, and the draft's
/// validation warnings (they do not stop a publish, but the caller should see them, as validate shows them).
/// </summary>
public sealed record PublishResponse(int Version, IReadOnlyList<ValidationIssueView> Warnings);
