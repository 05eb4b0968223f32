using System.Text.Json;

namespace Journeys.Runtime.Connectors;

/// <summary>The result of fetching one data-source field group for one path.</summary>
public sealed record DataFetchOutcome
{
    public required bool Ok { get; init; }

    /// <summary>
    /// On success, an object holding the group's declared fields at their dotted paths (<c>"a.b"</c> becomes
    /// <c>{"a":{"b":..}}</c>); fields absent from the response are absent here. A group without declared fields
    /// keeps the whole parsed body. <c>Undefined</c> on failure.
    /// </summary>
    public JsonElement Body { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>Served from the cache without a request.</summary>
    public bool FromCache { get; init; }

    public int Attempts { get; init; }

    /// <summary>One of <see cref="ConnectorErrorCodes"/>; null on success.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A message for people; never contains a secret.</summary>
    public string? Error { get; init; }
}
