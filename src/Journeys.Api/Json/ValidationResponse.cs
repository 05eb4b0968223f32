namespace Journeys.Api.Json;

/// <summary>The body of <c>POST /api/journeys/{id}/validate</c>.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<ValidationIssueView> Errors, IReadOnlyList<ValidationIssueView> Warnings);
