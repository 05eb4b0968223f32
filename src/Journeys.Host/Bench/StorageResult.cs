namespace Journeys.Host.Bench;

/// <summary>
/// (d) Cost of a waiting instance: database growth (file plus WAL, after a truncating checkpoint) per instance, the
/// same minus the average entry event's size (goal ≤ 1,024), and managed heap / working set growth per instance.
/// </summary>
public sealed record StorageResult(
    int Instances,
    double IngestSeconds,
    double BytesPerInstance,
    double EntryEventBytes,
    double BytesBeyondEntry,
    double ManagedBytesPerInstance,
    double WorkingSetBytesPerInstance,
    long WorkingSetBytes);
