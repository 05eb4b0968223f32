namespace Journeys.Host.Bench;

/// <summary>The JSON written by <c>journeys bench</c>: the machine, the sizes and each scenario's figures (null when skipped).</summary>
public sealed record BenchResults
{
    public required string Machine { get; init; }

    public required int ProcessorCount { get; init; }

    public required string Runtime { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required BenchOptions Options { get; init; }

    public IngestionResult? Ingestion { get; set; }

    public LatencyResult? Latency { get; set; }

    public TimerResult? Timers { get; set; }

    public StorageResult? Storage { get; set; }
}
