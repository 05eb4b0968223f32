using Journeys.Runtime.Catalog;

namespace Journeys.Runtime.Reporting;

/// <summary>Assembles the SPEC §6 report of a journey from its stored counters and its versions.</summary>
public static class ReportBuilder
{
    public static JourneyReport Build(JourneyDetails journey, IReadOnlyDictionary<CounterKey, long> counters)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var versions = new List<VersionReport>();
        foreach (var summary in journey.Versions.OrderByDescending(v => v.Version))
        {
            var status = summary.Status switch
            {
                JourneyVersionStatus.Live => "live",
                JourneyVersionStatus.Closed => "closed",
                _ => "stopped",
            };
            versions.Add(BuildVersion(journey.Id, summary.Version, status, counters));
        }

        return new JourneyReport(journey.Id, versions);
    }

    /// <summary>The report of one version from counters (the stored ones, or a simulation's own).</summary>
    public static VersionReport BuildVersion(string journeyId, int version, string status, IReadOnlyDictionary<CounterKey, long> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        long Get(string node, string metric) => counters.GetValueOrDefault(new CounterKey(journeyId, version, node, metric));

        var nodeIds = counters.Keys
            .Where(k => k.JourneyId == journeyId && k.Version == version && k.Node.Length > 0)
            .Select(k => k.Node)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var nodes = new SortedDictionary<string, NodeReport>(StringComparer.Ordinal);
        foreach (var node in nodeIds)
        {
            var branches = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var (key, value) in counters)
            {
                if (key.JourneyId == journeyId && key.Version == version && key.Node == node && key.Metric.StartsWith("branch:", StringComparison.Ordinal))
                {
                    branches[BranchLabel(key.Metric["branch:".Length..])] = value;
                }
            }

            var calls = Get(node, "actionCalls");
            nodes[node] = new NodeReport
            {
                Entered = Get(node, "entered"),
                Exited = Get(node, "exited"),
                Errors = Get(node, "errors"),
                Waiting = Get(node, "waiting"),
                Branches = branches,
                Actions = calls == 0 ? null : new ActionLatency(calls, Math.Round((double)Get(node, "actionLatencyMs") / calls, 1), Get(node, CounterKey.MaxPrefix + "actionLatencyMs")),
            };
        }

        var discarded = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in counters)
        {
            if (key.JourneyId == journeyId && key.Version == version && key.Node.Length == 0 && key.Metric.StartsWith("discarded:", StringComparison.Ordinal))
            {
                discarded[key.Metric["discarded:".Length..]] = value;
            }
        }

        var entered = Get(string.Empty, "entered");
        var completed = Get(string.Empty, "completed");
        var errored = Get(string.Empty, "errored");
        var stopped = Get(string.Empty, "stopped");
        var timedOut = Get(string.Empty, "timedOut");
        return new VersionReport
        {
            Version = version,
            Status = status,
            Entered = entered,
            Active = entered - completed - errored - stopped - timedOut,
            Completed = completed,
            Errored = errored,
            Stopped = stopped,
            TimedOut = timedOut,
            Discarded = discarded,
            Nodes = nodes,
        };
    }

    /// <summary>
    /// Condition and split branches are counted by position ("0", "1"…, as stored since the first version); a report
    /// shows them as the JSON path of the branch in its node (<c>branches[0]</c>), which reads as what it is and
    /// points at the branch in the journey. Named exits (otherwise, next, timeout, error) keep their names.
    /// </summary>
    private static string BranchLabel(string stored) =>
        stored.Length > 0 && stored.All(char.IsAsciiDigit) ? $"branches[{stored}]" : stored;
}
