using System.Collections.Frozen;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;

namespace Journeys.Core.Execution;

/// <summary>
/// A published journey version prepared for execution: every expression compiled once with the scopes validation
/// uses, durations parsed, split thresholds computed, data-source paths compiled, and the custom actions and data
/// sources it uses snapshotted. Immutable and thread-safe; hosts cache one per (journey, version).
/// </summary>
public sealed class CompiledJourney
{
    private readonly FrozenDictionary<string, CompiledNode> nodes;
    private readonly Dictionary<DataReference, CompiledDataGroup> dataGroups;

    private CompiledJourney(
        string journeyId,
        int version,
        Journey definition,
        TimeSpan timeout,
        Dictionary<string, CompiledNode> nodes,
        Dictionary<DataReference, CompiledDataGroup> dataGroups,
        SortedDictionary<string, CustomAction> actions,
        SortedDictionary<string, DataSource> dataSources)
    {
        JourneyId = journeyId;
        Version = version;
        Definition = definition;
        StartNode = definition.Start!;
        Timeout = timeout;
        this.nodes = nodes.ToFrozenDictionary(StringComparer.Ordinal);
        this.dataGroups = dataGroups;
        Actions = actions;
        DataSources = dataSources;
        JourneyElement = JsonObjects.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", journeyId);
            writer.WriteNumber("version", version);
            writer.WriteEndObject();
        });
    }

    public string JourneyId { get; }

    public int Version { get; }

    /// <summary>A private copy of the journey body this version was compiled from.</summary>
    public Journey Definition { get; }

    public string StartNode { get; }

    /// <summary>Instance lifetime (<c>timeoutSeconds</c>, default and at most 91 days).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Snapshots of the custom actions the journey calls, by id, as they were when compiled.</summary>
    public IReadOnlyDictionary<string, CustomAction> Actions { get; }

    /// <summary>Snapshots of the data sources the journey reads, by id, as they were when compiled.</summary>
    public IReadOnlyDictionary<string, DataSource> DataSources { get; }

    /// <summary>The <c>journey</c> root of expressions: <c>{ id, version }</c>.</summary>
    internal JsonElement JourneyElement { get; }

    /// <summary>
    /// Compiles a journey version. Throws <see cref="JourneyCompilationException"/> listing every problem when the
    /// journey would not pass validation (a published version always compiles while its configuration exists).
    /// </summary>
    public static CompiledJourney Compile(string journeyId, int version, Journey journey, IConfigurationLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(journeyId);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(lookup);

        // A private copy: the caller's model objects are mutable, a compiled version must not be.
        var definition = ContractJson.ReadJourney(ContractJson.WriteUtf8(journey)).Value
            ?? throw new JourneyCompilationException("The journey body does not round-trip through its contract JSON.");
        return new Compiler(journeyId, version, definition, lookup).Run();
    }

    internal CompiledNode? FindNode(string nodeId) => nodes.GetValueOrDefault(nodeId);

    internal CompiledDataGroup DataGroup(DataReference reference) => dataGroups[reference];

    /// <summary>Does the compiling; one instance per <see cref="Compile"/> call.</summary>
    private sealed class Compiler(string journeyId, int version, Journey journey, IConfigurationLookup lookup)
    {
        private readonly List<string> problems = [];
        private readonly Dictionary<string, CompiledNode> nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<DataReference, CompiledDataGroup> dataGroups = [];
        private readonly SortedDictionary<string, CustomAction> actions = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, DataSource> dataSources = new(StringComparer.Ordinal);

        // Scopes are built on first use: a journey without expressions never needs them.
        private ExpressionScope? journeyScope;
        private ExpressionScope? dataPathScope;

        public CompiledJourney Run()
        {
            var definitions = journey.Nodes ?? [];
            if (journey.Start is not { } start || !definitions.ContainsKey(start))
            {
                problems.Add($"start: '{journey.Start}' is not a node of the journey.");
            }

            var timeoutSeconds = journey.TimeoutSeconds ?? Journey.MaxTimeoutSeconds;
            if (timeoutSeconds <= 0)
            {
                problems.Add($"timeoutSeconds: {timeoutSeconds} is not positive.");
            }

            foreach (var nodeId in definitions.Keys.Order(StringComparer.Ordinal))
            {
                nodes[nodeId] = CompileNode(nodeId, definitions[nodeId]);
            }

            if (problems.Count > 0)
            {
                throw new JourneyCompilationException(
                    $"Journey '{journeyId}' version {version} cannot be compiled: {string.Join(" ", problems)}",
                    problems);
            }

            var timeout = TimeSpan.FromSeconds(Math.Min(timeoutSeconds, Journey.MaxTimeoutSeconds));
            return new CompiledJourney(journeyId, version, journey, timeout, nodes, dataGroups, actions, dataSources);
        }

        private CompiledNode CompileNode(string nodeId, JourneyNode node)
        {
            var references = new List<DataReference>();
            switch (node)
            {
                case ConditionNode condition:
                    var whens = new List<CompiledExpression>();
                    var whenProperties = new List<string>();
                    var branches = condition.Branches ?? [];
                    for (var i = 0; i < branches.Count; i++)
                    {
                        var property = $"branches[{i}].when";
                        if (Expression(nodeId, property, branches[i].When, JourneyScope, references) is { } when)
                        {
                            whens.Add(when);
                            whenProperties.Add(property);
                        }
                    }

                    return Finish(new CompiledNode(nodeId, node)
                    {
                        Whens = [.. whens],
                        WhenProperties = [.. whenProperties],
                        DataReferences = [.. references],
                    });

                case SplitNode split:
                    return new CompiledNode(nodeId, node)
                    {
                        SplitThresholds = [.. Thresholds(nodeId, split)],
                        SplitHashPrefix = JourneyStepper.SplitHashPrefix(journeyId),
                        SplitHashSuffix = JourneyStepper.SplitHashSuffix(nodeId),
                    };

                case WaitNode wait:
                    TimeSpan? duration = null;
                    CompiledExpression? until = null;
                    if (wait.Duration is not null)
                    {
                        duration = Duration(nodeId, "duration", wait.Duration);
                    }
                    else if (wait.Until is not null)
                    {
                        until = Expression(nodeId, "until", wait.Until, JourneyScope, references);
                    }
                    else
                    {
                        problems.Add($"{nodeId}: a wait needs a duration or until.");
                    }

                    return Finish(new CompiledNode(nodeId, node) { Duration = duration, Until = until, DataReferences = [.. references] });

                case WaitForEventNode waitForEvent:
                    if (waitForEvent.Event is null)
                    {
                        problems.Add($"{nodeId}.event: missing.");
                    }

                    var correlate = waitForEvent.Correlate is null
                        ? null
                        : Expression(nodeId, "correlate", waitForEvent.Correlate, () => JourneyScopes.ForCorrelate(journey, waitForEvent, lookup), references);
                    var timeout = waitForEvent.Timeout is null ? (TimeSpan?)null : Duration(nodeId, "timeout", waitForEvent.Timeout);
                    return Finish(new CompiledNode(nodeId, node) { Correlate = correlate, Timeout = timeout, DataReferences = [.. references] });

                case ActionNode call:
                    SnapshotAction(nodeId, call.Action);
                    var names = new List<JsonEncodedText>();
                    var properties = new List<string>();
                    var values = new List<CompiledExpression>();
                    foreach (var name in (call.Params ?? []).Keys.Order(StringComparer.Ordinal))
                    {
                        var property = $"params.{name}";
                        if (Expression(nodeId, property, call.Params![name], JourneyScope, references) is { } expression)
                        {
                            names.Add(JsonEncodedText.Encode(name));
                            properties.Add(property);
                            values.Add(expression);
                        }
                    }

                    return Finish(new CompiledNode(nodeId, node)
                    {
                        ParamNames = [.. names],
                        ParamProperties = [.. properties],
                        ParamValues = [.. values],
                        ActionMessage = $"action '{call.Action}'",
                        DataReferences = [.. references],
                    });

                case JumpNode jump:
                    if (string.IsNullOrEmpty(jump.Journey))
                    {
                        problems.Add($"{nodeId}.journey: missing.");
                    }

                    return new CompiledNode(nodeId, node);

                default:
                    return new CompiledNode(nodeId, node);
            }
        }

        private ExpressionScope JourneyScope() => journeyScope ??= JourneyScopes.ForJourney(journey, lookup);

        private CompiledExpression? Expression(string nodeId, string property, string? text, Func<ExpressionScope> scope, List<DataReference> references)
        {
            if (text is null)
            {
                problems.Add($"{nodeId}.{property}: missing.");
                return null;
            }

            // No expected type here: validation owns type rules; the stepper checks value kinds where it uses them.
            var result = ExpressionCompiler.Compile(text, scope());
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    problems.Add($"{nodeId}.{property}: {error.Code} at {error.Position}: {error.Message}");
                }

                return null;
            }

            foreach (var reference in result.Expression!.DataReferences)
            {
                if (!references.Contains(reference))
                {
                    references.Add(reference);
                }
            }

            return result.Expression;
        }

        private TimeSpan? Duration(string nodeId, string property, string text)
        {
            if (IsoDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
            {
                return duration;
            }

            problems.Add($"{nodeId}.{property}: '{text}' is not a positive ISO-8601 duration.");
            return null;
        }

        private List<int> Thresholds(string nodeId, SplitNode split)
        {
            var thresholds = new List<int>();
            var cumulative = 0m;
            foreach (var branch in split.Branches ?? [])
            {
                cumulative += branch.Percent;

                // Buckets have 2-decimal resolution: 0..9999 hundredths of a percent.
                thresholds.Add((int)decimal.Round(cumulative * 100m, MidpointRounding.AwayFromZero));
            }

            if (thresholds.Count == 0 || thresholds[^1] != 10000)
            {
                problems.Add($"{nodeId}.branches: percents must sum to 100 (they sum to {cumulative}).");
            }

            return thresholds;
        }

        private CompiledNode Finish(CompiledNode node)
        {
            foreach (var reference in node.DataReferences)
            {
                CompileDataGroup(node.Id, reference);
            }

            return node;
        }

        private void SnapshotAction(string nodeId, string? actionId)
        {
            if (actionId is null)
            {
                problems.Add($"{nodeId}.action: missing.");
                return;
            }

            if (actions.ContainsKey(actionId))
            {
                return;
            }

            if (lookup.FindAction(actionId) is not { } action)
            {
                problems.Add($"{nodeId}.action: custom action '{actionId}' does not exist.");
                return;
            }

            actions[actionId] = ContractJson.ReadCustomAction(ContractJson.Write(action)).Value!;
        }

        private void CompileDataGroup(string nodeId, DataReference reference)
        {
            if (dataGroups.ContainsKey(reference))
            {
                return;
            }

            if (!dataSources.TryGetValue(reference.Source, out var source))
            {
                if (lookup.FindDataSource(reference.Source) is not { } found)
                {
                    problems.Add($"{nodeId}: data source '{reference.Source}' does not exist.");
                    return;
                }

                source = ContractJson.ReadDataSource(ContractJson.Write(found)).Value!;
                dataSources[reference.Source] = source;
            }

            if (source.FieldGroups?.GetValueOrDefault(reference.Group) is not { } group)
            {
                problems.Add($"{nodeId}: data source '{reference.Source}' has no field group '{reference.Group}'.");
                return;
            }

            dataPathScope ??= JourneyScopes.ForDataSourcePath();
            var (path, errors) = CompiledTemplate.Compile(group.Path ?? string.Empty, dataPathScope, TemplateSyntax.SingleBrace);
            if (path is null || errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    problems.Add($"data source '{reference.Source}' group '{reference.Group}' path: {error.Code} at {error.Position}: {error.Message}");
                }

                return;
            }

            dataGroups[reference] = new CompiledDataGroup(reference.Source, reference.Group, group.Method ?? "GET", path, group.CacheSeconds);
        }
    }
}
