namespace Journeys.Runtime.Reporting;

/// <summary>Counters of one published version of a journey (SPEC §6 report).</summary>
public sealed record VersionReport
{
    public int Version { get; init; }

    /// <summary>live, closed or stopped.</summary>
    public string Status { get; init; } = "live";

    public long Entered { get; init; }

    public long Active { get; init; }

    public long Completed { get; init; }

    public long Errored { get; init; }

    public long Stopped { get; init; }

    public long TimedOut { get; init; }

    /// <summary>Discards by reason (<c>duplicate</c>, <c>alreadyActive</c>, …).</summary>
    public IReadOnlyDictionary<string, long> Discarded { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, NodeReport> Nodes { get; init; } = new SortedDictionary<string, NodeReport>(StringComparer.Ordinal);
}
