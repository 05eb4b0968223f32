using System.Text.Json;
using Journeys.Runtime.Catalog;

namespace Journeys.Api.Json;

/// <summary>
/// <c>GET /api/journeys/{id}</c> (and each item of <c>GET /api/journeys</c>): the draft with its ETag and last write
/// time, the journey status, the live version (null when none) and every published version.
/// </summary>
public sealed record JourneyView(
    string Id,
    string Etag,
    DateTimeOffset UpdatedAt,
    JourneyStatus Status,
    int? LiveVersion,
    IReadOnlyList<JourneyVersionSummary> Versions,
    JsonElement Draft);
