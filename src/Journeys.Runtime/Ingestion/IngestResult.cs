namespace Journeys.Ingestion;

/// <summary>
/// What happened to one ingested event (SPEC §6 <c>POST /api/ingest</c>): the event definitions it matched, the
/// journeys it entered and resumed, every discard with its reason, or an error when it could not be read at all.
/// </summary>
public sealed record IngestResult
{
    public string? EventKey { get; init; }

    public IReadOnlyList<string> Matched { get; init; } = [];

    public IReadOnlyList<string> Entered { get; init; } = [];

    public IReadOnlyList<string> Resumed { get; init; } = [];

    public IReadOnlyList<IngestDiscard> Discarded { get; init; } = [];

    public string? Error { get; init; }
}
