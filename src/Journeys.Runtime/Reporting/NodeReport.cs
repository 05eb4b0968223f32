namespace Journeys.Runtime.Reporting;

/// <summary>Counters of one node of one journey version (SPEC §6 report).</summary>
public sealed record NodeReport
{
    public long Entered { get; init; }

    public long Exited { get; init; }

    public long Errors { get; init; }

    /// <summary>Instances parked at this node now (timer, event, action or data in flight).</summary>
    public long Waiting { get; init; }

    /// <summary>Exits by branch: <c>branches[0]</c>, <c>branches[1]</c>… for condition/split branches, <c>otherwise</c>, <c>next</c>, <c>timeout</c>, <c>error</c>.</summary>
    public IReadOnlyDictionary<string, long> Branches { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Action nodes: number of completed calls and their latency.</summary>
    public ActionLatency? Actions { get; init; }
}
