using Journeys.Expressions;
using Journeys.Model;

namespace Journeys.Execution;

/// <summary>
/// One node with everything the stepper needs precomputed: compiled expressions, parsed durations, split
/// thresholds, and the data-source groups its expressions read. Which parts are set depends on the node type.
/// </summary>
internal sealed class CompiledNode
{
    public CompiledNode(string id, JourneyNode definition)
    {
        Id = id;
        Definition = definition;
    }

    public string Id { get; }

    public JourneyNode Definition { get; }

    /// <summary>Condition: one compiled <c>when</c> per branch, in branch order.</summary>
    public IReadOnlyList<CompiledExpression> Whens { get; init; } = [];

    /// <summary>Split: cumulative upper bounds in hundredths of a percent (0..10000), one per branch.</summary>
    public IReadOnlyList<int> SplitThresholds { get; init; } = [];

    /// <summary>Wait: the fixed duration, when the node has one.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Wait: the compiled <c>until</c>, when the node has one.</summary>
    public CompiledExpression? Until { get; init; }

    /// <summary>WaitForEvent: the compiled <c>correlate</c> (null: every event of the kind correlates).</summary>
    public CompiledExpression? Correlate { get; init; }

    /// <summary>WaitForEvent: the node timeout (null: wait until the journey deadline).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Action: parameters in ordinal name order, so the params object is written the same way every time.</summary>
    public IReadOnlyList<KeyValuePair<string, CompiledExpression>> Params { get; init; } = [];

    /// <summary>Every data-source group the node's expressions read, distinct, in order of first appearance.</summary>
    public IReadOnlyList<DataReference> DataReferences { get; init; } = [];
}
