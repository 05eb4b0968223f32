using Journeys.Core.Execution;
using Journeys.Core.Routing;

namespace Journeys.Runtime.Reporting;

/// <summary>
/// Turns step events and discards into counter deltas, so that a report is served from a few counters instead of
/// a scan of every step event. Both hosts feed it the same events, so both report the same numbers. Not
/// thread-safe: one instance per unit of work (a transaction, an activity call).
/// </summary>
public sealed class ReportCounters
{
    private readonly Dictionary<CounterKey, long> deltas = [];

    public IReadOnlyDictionary<CounterKey, long> Deltas => deltas;

    public bool IsEmpty => deltas.Count == 0;

    public void Clear() => deltas.Clear();

    /// <summary>
    /// The host-wide count of events that matched no event definition. It belongs to no journey, so it is kept
    /// under the empty journey id, which no journey can have (ids are 1 to 64 characters).
    /// </summary>
    public static CounterKey UnmatchedKey { get; } = new(string.Empty, 0, string.Empty, "unmatched");

    public void Unmatched() => Add(UnmatchedKey, 1);

    public void Discarded(string journeyId, int version, DiscardReason reason) =>
        Add(new CounterKey(journeyId, version, string.Empty, "discarded:" + ReasonName(reason)), 1);

    /// <summary>Applies the step events one step of one instance produced.</summary>
    public void Apply(string journeyId, int version, IReadOnlyList<StepEvent> events)
    {
        foreach (var stepEvent in events)
        {
            var node = stepEvent.Node ?? string.Empty;
            switch (stepEvent.Kind)
            {
                case StepEventKind.Started:
                    Add(new CounterKey(journeyId, version, string.Empty, "entered"), 1);
                    break;
                case StepEventKind.Entered:
                    Add(new CounterKey(journeyId, version, node, "entered"), 1);
                    break;
                case StepEventKind.Exited:
                    Add(new CounterKey(journeyId, version, node, "exited"), 1);
                    if (stepEvent.Branch is { } branch)
                    {
                        Add(new CounterKey(journeyId, version, node, "branch:" + branch), 1);
                    }

                    break;
                case StepEventKind.Waiting:
                    Add(new CounterKey(journeyId, version, node, "waiting"), 1);
                    break;
                case StepEventKind.Resumed:
                    Add(new CounterKey(journeyId, version, node, "waiting"), -1);
                    break;
                case StepEventKind.Error:
                    Add(new CounterKey(journeyId, version, node, "errors"), 1);
                    break;
                case StepEventKind.ActionResult:
                    Add(new CounterKey(journeyId, version, node, "actionCalls"), 1);
                    var latency = Math.Max(0, stepEvent.LatencyMs ?? 0);
                    Add(new CounterKey(journeyId, version, node, "actionLatencyMs"), latency);
                    Max(new CounterKey(journeyId, version, node, CounterKey.MaxPrefix + "actionLatencyMs"), latency);
                    break;
                case StepEventKind.Ended when stepEvent.Outcome is { } outcome:
                    Add(new CounterKey(journeyId, version, string.Empty, outcome), 1);
                    break;
            }
        }
    }

    /// <summary>The contract name of a discard reason (<c>alreadyActive</c>), as reports and ingest results spell it.</summary>
    public static string ReasonName(DiscardReason reason) => reason switch
    {
        DiscardReason.InvalidEvent => "invalidEvent",
        DiscardReason.Duplicate => "duplicate",
        DiscardReason.AlreadyActive => "alreadyActive",
        DiscardReason.ReentryNotAllowed => "reentryNotAllowed",
        DiscardReason.ReentryTooSoon => "reentryTooSoon",
        DiscardReason.JourneyUnavailable => "journeyUnavailable",
        _ => reason.ToString(),
    };

    /// <summary>Adds another unit's deltas to these (maxima by maximum), e.g. one event's once it is applied whole.</summary>
    public void Add(ReportCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, value) in other.deltas)
        {
            if (key.IsMaximum)
            {
                Max(key, value);
            }
            else
            {
                Add(key, value);
            }
        }
    }

    private void Add(CounterKey key, long value) => deltas[key] = deltas.GetValueOrDefault(key) + value;

    private void Max(CounterKey key, long value) => deltas[key] = Math.Max(deltas.GetValueOrDefault(key), value);
}
