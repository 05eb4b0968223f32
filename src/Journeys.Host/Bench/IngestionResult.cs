namespace Journeys.Host.Bench;

/// <summary>
/// (a) Events entered durably over HTTP against a raw batched insert of the same rows; <see cref="Ratio"/> is the
/// share of the raw rate the engine reaches (goal ≥ 0.30) next to the absolute goal of 20,000 events/s.
/// </summary>
public sealed record IngestionResult(
    int Events,
    long Entered,
    double Seconds,
    double EventsPerSecond,
    double RawSeconds,
    double RawEventsPerSecond,
    double Ratio);
