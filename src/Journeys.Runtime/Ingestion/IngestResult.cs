using System.Text.Json.Serialization;

namespace Journeys.Runtime.Ingestion;

/// <summary>
/// What happened to one ingested event (SPEC §6 <c>POST /api/ingest</c>): the event definitions it matched, the
/// journeys it entered and resumed, every discard with its reason, or an error when it could not be read at all.
/// </summary>
public sealed record IngestResult
{
    /// <summary>Always written (null when the event has no key), as every field of a result is part of the contract.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? EventKey { get; init; }

    public IReadOnlyList<string> Matched { get; init; } = [];

    public IReadOnlyList<string> Entered { get; init; } = [];

    public IReadOnlyList<string> Resumed { get; init; } = [];

    public IReadOnlyList<IngestDiscard> Discarded { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Error { get; init; }
}
