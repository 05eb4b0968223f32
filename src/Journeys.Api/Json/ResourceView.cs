using System.Text.Json;

namespace Journeys.Api.Json;

/// <summary>
/// One item of <c>GET /api/events</c>, <c>/api/datasources</c>, <c>/api/actions</c>: the id, the ETag (bare token,
/// the same value the <c>ETag</c> header of a GET carries in quotes), the last write time and the contract body.
/// </summary>
public sealed record ResourceView(string Id, string Etag, DateTimeOffset UpdatedAt, JsonElement Body);
