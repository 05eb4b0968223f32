using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Execution;

/// <summary>
/// One node with everything the stepper needs precomputed: compiled expressions, parsed durations, split
/// thresholds, and the data-source groups its expressions read. Which parts are set depends on the node type.
/// Arrays rather than interfaces, and every string a step would otherwise format (labels, messages, hash
/// prefixes), so that a step allocates only what it outputs.
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
    public CompiledExpression[] Whens { get; init; } = [];

    /// <summary>Condition: <c>branches[i].when</c>, naming each <see cref="Whens"/> entry in error messages.</summary>
    public string[] WhenProperties { get; init; } = [];

    /// <summary>Split: cumulative upper bounds in hundredths of a percent (0..10000), one per branch.</summary>
    public int[] SplitThresholds { get; init; } = [];

    /// <summary>Split: the UTF-8 hash input around the profile id, <c>"{len}:{journeyId}|"</c> and <c>"|{len}:{nodeId}"</c>.</summary>
    public byte[] SplitHashPrefix { get; init; } = [];

    /// <inheritdoc cref="SplitHashPrefix"/>
    public byte[] SplitHashSuffix { get; init; } = [];

    /// <summary>Wait: the fixed duration, when the node has one.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Wait: the compiled <c>until</c>, when the node has one.</summary>
    public CompiledExpression? Until { get; init; }

    /// <summary>WaitForEvent: the compiled <c>correlate</c> (null: every event of the kind correlates).</summary>
    public CompiledExpression? Correlate { get; init; }

    /// <summary>WaitForEvent: the node timeout (null: wait until the journey deadline).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Action: parameter names in ordinal order (pre-encoded), so the params object is written the same way every time.</summary>
    public JsonEncodedText[] ParamNames { get; init; } = [];

    /// <summary>Action: <c>params.&lt;name&gt;</c> per parameter, for error messages.</summary>
    public string[] ParamProperties { get; init; } = [];

    /// <summary>Action: the compiled parameter expressions, aligned with <see cref="ParamNames"/>.</summary>
    public CompiledExpression[] ParamValues { get; init; } = [];

    /// <summary>Action: the <c>actionResult</c> step event's message, <c>action '&lt;id&gt;'</c>.</summary>
    public string? ActionMessage { get; init; }

    /// <summary>Every data-source group the node's expressions read, distinct, in order of first appearance.</summary>
    public DataReference[] DataReferences { get; init; } = [];
}
