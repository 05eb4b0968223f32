using System.Globalization;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>
/// One validation run over one journey: walks the journey once, node by node, reporting into an
/// <see cref="IssueCollector"/>, then asks the resolved graph about reachability and cycles.
/// </summary>
internal sealed class JourneyRules
{
    private readonly string journeyId;
    private readonly Journey journey;
    private readonly IConfigurationLookup lookup;
    private readonly IssueCollector issues;
    private readonly Dictionary<string, JourneyNode?> nodes;
    private readonly JourneyGraph graph = new();

    // Built on first use only: a journey without expressions never needs a scope.
    private ExpressionScope? journeyScope;

    public JourneyRules(string journeyId, Journey journey, IConfigurationLookup lookup, IssueCollector issues)
    {
        this.journeyId = journeyId;
        this.journey = journey;
        this.lookup = lookup;
        this.issues = issues;
        // Typed as nullable: a JSON body may hold "id": null where a node belongs.
        nodes = new Dictionary<string, JourneyNode?>(StringComparer.Ordinal);
        foreach (var (id, node) in journey.Nodes ?? [])
        {
            nodes[id] = node;
        }
    }

    private ExpressionScope JourneyScope => journeyScope ??= JourneyScopes.ForJourney(journey, lookup);

    public void Run()
    {
        foreach (var issue in ConfigurationValidator.ValidateId(journeyId).Errors)
        {
            issues.Add(issue);
        }

        CheckHeader();

        foreach (var id in nodes.Keys.Order(StringComparer.Ordinal))
        {
            graph.AddNode(id, nodes[id] is WaitNode or WaitForEventNode);
        }

        foreach (var id in nodes.Keys.Order(StringComparer.Ordinal))
        {
            CheckNode(id, nodes[id]);
        }

        CheckGraph();
    }

    private void CheckHeader()
    {
        if (!Present(journey.Name))
        {
            issues.Error(ValidationCodes.JourneyNameMissing, null, "$.name", "The journey needs a name.");
        }

        if (!Present(journey.Entry))
        {
            issues.Error(ValidationCodes.JourneyEntryMissing, null, "$.entry", "The journey needs an entry event.");
        }
        else if (lookup.FindEvent(journey.Entry) is null)
        {
            issues.Error(ValidationCodes.JourneyEntryUnknown, null, "$.entry", $"Entry event '{journey.Entry}' is not defined.");
        }

        if (journey.Reentry is { AfterSeconds: < 0 })
        {
            issues.Error(ValidationCodes.JourneyReentryInvalid, null, "$.reentry.afterSeconds", "reentry.afterSeconds cannot be negative.");
        }

        if (journey.TimeoutSeconds is { } timeout and (< 1 or > Journey.MaxTimeoutSeconds))
        {
            issues.Error(ValidationCodes.JourneyTimeoutOutOfRange, null, "$.timeoutSeconds", $"timeoutSeconds must be between 1 and {Journey.MaxTimeoutSeconds} (91 days); it is {timeout}.");
        }

        if (nodes.Count == 0)
        {
            issues.Error(ValidationCodes.JourneyNodesMissing, null, "$.nodes", "The journey has no nodes.");
        }
        else if (nodes.Count > JourneyValidator.MaxNodes)
        {
            issues.Error(ValidationCodes.JourneyTooManyNodes, null, "$.nodes", $"A journey has at most {JourneyValidator.MaxNodes} nodes; this one has {nodes.Count}.");
        }

        if (!Present(journey.Start))
        {
            issues.Error(ValidationCodes.JourneyStartMissing, null, "$.start", "The journey needs a start node.");
        }
        else if (nodes.Count > 0 && !nodes.ContainsKey(journey.Start))
        {
            // With no nodes at all, JOURNEY_NODES_MISSING already says it.
            issues.Error(ValidationCodes.JourneyStartUnknown, null, "$.start", $"Start node '{journey.Start}' is not a node of this journey.");
        }
    }

    private void CheckNode(string id, JourneyNode? node)
    {
        var path = JsonPaths.Node(id);
        if (!ConfigurationValidator.IsValidId(id))
        {
            issues.Error(ValidationCodes.NodeIdInvalid, id, path, $"Node id '{id}' must match {ConfigurationValidator.IdPattern}.");
        }

        switch (node)
        {
            case null:
                issues.Error(ValidationCodes.NodeNull, id, path, "A node must be an object with a \"type\".");
                break;
            case ConditionNode condition:
                CheckCondition(id, path, condition);
                break;
            case SplitNode split:
                CheckSplit(id, path, split);
                break;
            case WaitNode wait:
                CheckWait(id, path, wait);
                break;
            case WaitForEventNode waitForEvent:
                CheckWaitForEvent(id, path, waitForEvent);
                break;
            case ActionNode action:
                CheckAction(id, path, action);
                break;
            case JumpNode jump:
                CheckJump(id, path, jump);
                break;
            case EndNode:
                break;
        }
    }

    private void CheckCondition(string id, string path, ConditionNode node)
    {
        var branchesPath = JsonPaths.Member(path, "branches");
        if (node.Branches is not { Count: > 0 } branches)
        {
            issues.Error(ValidationCodes.NodeBranchesMissing, id, branchesPath, "A condition needs at least one branch.");
            branches = [];
        }

        for (var i = 0; i < branches.Count; i++)
        {
            var branchPath = JsonPaths.Index(branchesPath, i);
            if (branches[i] is not { } branch)
            {
                issues.Error(ValidationCodes.NodeBranchInvalid, id, branchPath, "A branch must be an object with \"when\" and \"next\".");
                continue;
            }

            var whenPath = JsonPaths.Member(branchPath, "when");
            if (!Present(branch.When))
            {
                issues.Error(ValidationCodes.NodeWhenMissing, id, whenPath, "A condition branch needs a \"when\" expression.");
            }
            else
            {
                CheckExpression(id, whenPath, branch.When, JourneyScope, ExprType.Boolean);
            }

            RequireSuccessor(id, JsonPaths.Member(branchPath, "next"), branch.Next);
        }

        if (!Present(node.Otherwise))
        {
            issues.Warning(ValidationCodes.NodeConditionNoOtherwise, id, JsonPaths.Member(path, "otherwise"), "No \"otherwise\": when no branch holds, the instance has nowhere to go.");
        }
        else
        {
            Successor(id, JsonPaths.Member(path, "otherwise"), node.Otherwise);
        }
    }

    private void CheckSplit(string id, string path, SplitNode node)
    {
        var branchesPath = JsonPaths.Member(path, "branches");
        if (node.Branches is not { Count: > 0 } branches)
        {
            issues.Error(ValidationCodes.NodeBranchesMissing, id, branchesPath, "A split needs at least one branch.");
            return;
        }

        var percentsValid = true;
        var sum = 0m;
        for (var i = 0; i < branches.Count; i++)
        {
            var branchPath = JsonPaths.Index(branchesPath, i);
            if (branches[i] is not { } branch)
            {
                issues.Error(ValidationCodes.NodeBranchInvalid, id, branchPath, "A branch must be an object with \"percent\" and \"next\".");
                percentsValid = false;
                continue;
            }

            if (branch.Percent is <= 0 or > 100)
            {
                issues.Error(ValidationCodes.NodeSplitPercentInvalid, id, JsonPaths.Member(branchPath, "percent"), $"A split percent must be greater than 0 and at most 100; it is {Format(branch.Percent)}.");
                percentsValid = false;
            }

            sum += branch.Percent;
            RequireSuccessor(id, JsonPaths.Member(branchPath, "next"), branch.Next);
        }

        // A bad single percent already explains a wrong sum; reporting both would be noise.
        if (percentsValid && sum != 100)
        {
            issues.Error(ValidationCodes.NodeSplitPercentSum, id, branchesPath, $"Split percents must sum to 100; they sum to {Format(sum)}.");
        }
    }

    private void CheckWait(string id, string path, WaitNode node)
    {
        var hasDuration = Present(node.Duration);
        var hasUntil = Present(node.Until);
        if (!hasDuration && !hasUntil)
        {
            issues.Error(ValidationCodes.NodeWaitModeMissing, id, path, "A wait needs either \"duration\" or \"until\".");
        }
        else if (hasDuration && hasUntil)
        {
            issues.Error(ValidationCodes.NodeWaitModeAmbiguous, id, path, "A wait takes \"duration\" or \"until\", not both.");
        }

        if (hasDuration)
        {
            CheckDuration(id, JsonPaths.Member(path, "duration"), node.Duration!);
        }

        if (hasUntil)
        {
            CheckExpression(id, JsonPaths.Member(path, "until"), node.Until!, JourneyScope, ExprType.DateTime);
        }

        RequireSuccessor(id, JsonPaths.Member(path, "next"), node.Next);
    }

    private void CheckWaitForEvent(string id, string path, WaitForEventNode node)
    {
        var eventPath = JsonPaths.Member(path, "event");
        if (!Present(node.Event))
        {
            issues.Error(ValidationCodes.NodeEventMissing, id, eventPath, "A waitForEvent needs the \"event\" to wait for.");
        }
        else if (lookup.FindEvent(node.Event) is null)
        {
            issues.Error(ValidationCodes.NodeEventUnknown, id, eventPath, $"Event '{node.Event}' is not defined.");
        }

        if (Present(node.Correlate))
        {
            CheckExpression(id, JsonPaths.Member(path, "correlate"), node.Correlate, JourneyScopes.ForCorrelate(journey, node, lookup), ExprType.Boolean);
        }

        var timeoutPath = JsonPaths.Member(path, "timeout");
        if (!Present(node.Timeout))
        {
            issues.Error(ValidationCodes.NodeTimeoutMissing, id, timeoutPath, "A waitForEvent needs a \"timeout\" (ISO-8601 duration).");
        }
        else
        {
            CheckDuration(id, timeoutPath, node.Timeout);
        }

        RequireSuccessor(id, JsonPaths.Member(path, "next"), node.Next);
        RequireSuccessor(id, JsonPaths.Member(path, "timeoutNext"), node.TimeoutNext);
    }

    private void CheckAction(string id, string path, ActionNode node)
    {
        var actionPath = JsonPaths.Member(path, "action");
        CustomAction? action = null;
        if (!Present(node.Action))
        {
            issues.Error(ValidationCodes.NodeActionMissing, id, actionPath, "An action node needs the \"action\" to call.");
        }
        else if ((action = lookup.FindAction(node.Action)) is null)
        {
            issues.Error(ValidationCodes.NodeActionUnknown, id, actionPath, $"Action '{node.Action}' is not defined.");
        }

        CheckParams(id, JsonPaths.Member(path, "params"), node, action);

        RequireSuccessor(id, JsonPaths.Member(path, "next"), node.Next);
        if (!Present(node.ErrorNext))
        {
            issues.Warning(ValidationCodes.NodeActionNoErrorNext, id, JsonPaths.Member(path, "errorNext"), "No \"errorNext\": a failed call ends the instance as errored.");
        }
        else
        {
            Successor(id, JsonPaths.Member(path, "errorNext"), node.ErrorNext);
        }
    }

    private void CheckParams(string id, string paramsPath, ActionNode node, CustomAction? action)
    {
        var given = node.Params ?? [];
        var declared = action?.Params ?? [];
        if (action is not null)
        {
            foreach (var name in declared.Keys.Order(StringComparer.Ordinal))
            {
                if (!given.TryGetValue(name, out var text) || !Present(text))
                {
                    issues.Error(ValidationCodes.NodeParamMissing, id, JsonPaths.Member(paramsPath, name), $"Action '{node.Action}' needs parameter '{name}'.");
                }
            }
        }

        foreach (var (name, text) in given.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var paramPath = JsonPaths.Member(paramsPath, name);
            if (action is not null && !declared.ContainsKey(name))
            {
                // Never sent anywhere, so there is nothing to type-check: removing it is the fix.
                issues.Error(ValidationCodes.NodeParamUndeclared, id, paramPath, $"Action '{node.Action}' declares no parameter '{name}'.");
                continue;
            }

            if (!Present(text))
            {
                continue;
            }

            var result = CheckExpression(id, paramPath, text, JourneyScope, expected: null);
            if (result is { Succeeded: true, Expression: { } compiled } && declared.TryGetValue(name, out var fieldType)
                && !Fits(fieldType, compiled.Type))
            {
                issues.Error(ValidationCodes.NodeParamTypeMismatch, id, paramPath, $"Parameter '{name}' is declared {Describe(fieldType)} but the expression gives {compiled.Type}.");
            }
        }
    }

    private void CheckJump(string id, string path, JumpNode node)
    {
        var targetPath = JsonPaths.Member(path, "journey");
        if (!Present(node.Journey))
        {
            issues.Error(ValidationCodes.NodeJumpTargetMissing, id, targetPath, "A jump needs the target \"journey\".");
        }
        else if (string.Equals(node.Journey, journeyId, StringComparison.Ordinal))
        {
            issues.Error(ValidationCodes.NodeJumpToSelf, id, targetPath, "A journey cannot jump to itself.");
        }
        else if (!lookup.JourneyExists(node.Journey))
        {
            issues.Error(ValidationCodes.NodeJumpTargetUnknown, id, targetPath, $"Journey '{node.Journey}' does not exist.");
        }
        else if (lookup.FindJourneyEntry(node.Journey) is not { } targetEntry)
        {
            issues.Warning(ValidationCodes.NodeJumpEntryUnverified, id, targetPath, $"Cannot tell whether journey '{node.Journey}' is entered by the same event; the jump is skipped at run time if it is not.");
        }
        else if (Present(journey.Entry) && lookup.FindEvent(journey.Entry) is not null
            && !string.Equals(targetEntry, journey.Entry, StringComparison.Ordinal))
        {
            issues.Error(ValidationCodes.NodeJumpEntryMismatch, id, targetPath, $"Journey '{node.Journey}' is entered by '{targetEntry}', this one by '{journey.Entry}'; a jump needs the same entry event.");
        }
    }

    private void CheckGraph()
    {
        if (Present(journey.Start) && nodes.ContainsKey(journey.Start))
        {
            // Without a valid start every node would be "unreachable"; the start error says it all.
            var reachable = graph.ReachableFrom(journey.Start);
            foreach (var id in nodes.Keys.Where(id => !reachable.Contains(id)))
            {
                issues.Error(ValidationCodes.NodeUnreachable, id, JsonPaths.Node(id), $"Node '{id}' cannot be reached from the start node '{journey.Start}'.");
            }
        }

        foreach (var cycle in graph.CyclesWithoutWait())
        {
            issues.Error(ValidationCodes.JourneyCycleWithoutWait, cycle[0], JsonPaths.Node(cycle[0]), $"Nodes {string.Join(", ", cycle.Select(c => $"'{c}'"))} form a cycle without a wait or waitForEvent; it would loop without pause.");
        }
    }

    private void CheckDuration(string id, string path, string text)
    {
        if (!ExpressionChecks.TryParseDuration(text, out var duration))
        {
            issues.Error(ValidationCodes.NodeDurationInvalid, id, path, $"'{text}' is not an ISO-8601 duration such as PT1H or P3D (years and months are not allowed).");
        }
        else if (duration <= TimeSpan.Zero || duration > JourneyValidator.MaxWait)
        {
            issues.Error(ValidationCodes.NodeDurationOutOfRange, id, path, $"'{text}' must be longer than zero and at most 90 days.");
        }
    }

    private CompileResult CheckExpression(string id, string path, string text, ExpressionScope scope, ExprType? expected)
    {
        var result = ExpressionChecks.Compile(text, scope, expected);
        foreach (var error in result.Errors)
        {
            issues.Add(ExpressionChecks.ToIssue(error, id, path));
        }

        return result;
    }

    /// <summary>A successor the node type cannot do without: missing is a dead end.</summary>
    private void RequireSuccessor(string id, string path, string? target)
    {
        if (!Present(target))
        {
            issues.Error(ValidationCodes.NodeNextMissing, id, path, $"\"{path[(path.LastIndexOf('.') + 1)..]}\" is required: without it the journey has a dead end.");
            return;
        }

        Successor(id, path, target);
    }

    private void Successor(string id, string path, string target)
    {
        if (nodes.ContainsKey(target))
        {
            graph.AddEdge(id, target);
        }
        else
        {
            issues.Error(ValidationCodes.NodeTargetUnknown, id, path, $"'{target}' is not a node of this journey.");
        }
    }

    /// <summary>Null and Any are only known at run time; everything else must be exactly the declared type.</summary>
    private static bool Fits(FieldType declared, ExprType actual) =>
        actual is ExprType.Any or ExprType.Null || Shape.TypeOf(declared) == actual;

    private static string Describe(FieldType type) => type.ToString().ToLowerInvariant();

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool Present([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) => !string.IsNullOrWhiteSpace(text);
}
