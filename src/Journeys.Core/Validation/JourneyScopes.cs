using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>
/// Builds what an expression in a journey can know (SPEC §3): the entry event's declared fields, the fields of
/// events waited for, action results with their declared response fields, data-source fields, the profile and
/// the journey. Validation type-checks against these scopes and the runtime compiles with the same ones, so a
/// journey behaves the same wherever its expressions are checked.
/// </summary>
public static class JourneyScopes
{
    /// <summary>Scope of <c>match</c>, <c>profileId</c> and <c>eventKey</c>: bare names read the raw event.</summary>
    public static ExpressionScope ForEventRule(EventDefinition definition) =>
        ExpressionScope.ForEventRule(OpenEventShape(definition));

    /// <summary>Scope of custom-action templates (URL, headers, query, body): only <c>params</c>.</summary>
    public static ExpressionScope ForActionTemplate(CustomAction action) =>
        ExpressionScope.Empty.With(ExpressionRoot.Params, Shape.FromFields(action.Params));

    /// <summary>Scope of a data-source path: the profile, the journey and the entry event (open: any source serves any journey).</summary>
    public static ExpressionScope ForDataSourcePath() =>
        ExpressionScope.Empty
            .With(ExpressionRoot.Profile, ProfileShape)
            .With(ExpressionRoot.Journey, JourneyShape)
            .With(ExpressionRoot.Entry, Shape.Open());

    /// <summary>Scope of every expression in a journey's nodes (conditions, waits, action params).</summary>
    public static ExpressionScope ForJourney(Journey journey, IConfigurationLookup lookup)
    {
        var entry = journey.Entry is { } entryId && lookup.FindEvent(entryId) is { } entryDefinition
            ? Shape.FromFields(entryDefinition.Fields)
            : Shape.Open();

        var events = Shape.Record();
        var actions = Shape.Record();
        foreach (var (nodeId, node) in journey.Nodes ?? [])
        {
            switch (node)
            {
                case WaitForEventNode wait:
                    var waited = wait.Event is { } eventId && lookup.FindEvent(eventId) is { } waitedDefinition
                        ? Shape.FromFields(waitedDefinition.Fields)
                        : Shape.Open();
                    events = events.With(nodeId, waited);
                    break;
                case ActionNode call:
                    var body = call.Action is { } actionId && lookup.FindAction(actionId) is { } action
                        ? Shape.FromFields(action.ResponseFields)
                        : Shape.Open();
                    actions = actions.With(nodeId, Shape.Record()
                        .With("status", Shape.Leaf(ExprType.String))
                        .With("statusCode", Shape.Leaf(ExprType.Number))
                        .With("body", body));
                    break;
            }
        }

        return ExpressionScope.Empty
            .With(ExpressionRoot.Entry, entry)
            .With(ExpressionRoot.Profile, ProfileShape)
            .With(ExpressionRoot.Journey, JourneyShape)
            .With(ExpressionRoot.Events, events)
            .With(ExpressionRoot.Actions, actions)
            .With(ExpressionRoot.Data, DataShape(journey, lookup));
    }

    /// <summary>Scope of a waitForEvent <c>correlate</c>: the journey scope plus <c>event</c>, the candidate.</summary>
    public static ExpressionScope ForCorrelate(Journey journey, WaitForEventNode node, IConfigurationLookup lookup)
    {
        var candidate = node.Event is { } eventId && lookup.FindEvent(eventId) is { } definition
            ? Shape.FromFields(definition.Fields)
            : Shape.Open();
        return ForJourney(journey, lookup).With(ExpressionRoot.Event, candidate);
    }

    private static Shape ProfileShape => Shape.Record().With("id", Shape.Leaf(ExprType.String));

    private static Shape JourneyShape => Shape.Record()
        .With("id", Shape.Leaf(ExprType.String))
        .With("version", Shape.Leaf(ExprType.Number));

    /// <summary>
    /// Data sources are declared by id in <c>data.&lt;source&gt;</c>; only sources that exist are members, so a
    /// misspelt source or group is a validation error like any other typo.
    /// </summary>
    private static Shape DataShape(Journey journey, IConfigurationLookup lookup)
    {
        var data = Shape.Record();
        foreach (var sourceId in ReferencedSourceIds(journey))
        {
            if (lookup.FindDataSource(sourceId) is not { } source)
            {
                continue;
            }

            var groups = Shape.Record();
            foreach (var (groupId, group) in source.FieldGroups ?? [])
            {
                groups = groups.With(groupId, Shape.FromFields(group.Fields));
            }

            data = data.With(sourceId, groups);
        }

        return data;
    }

    /// <summary>
    /// Source ids that appear after <c>data.</c> anywhere in the journey's expressions. A cheap textual scan is
    /// enough here: it only decides which sources to describe; the type checker does the real resolution.
    /// </summary>
    public static IEnumerable<string> ReferencedSourceIds(Journey journey)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in ExpressionTexts(journey))
        {
            var index = 0;
            while ((index = text.IndexOf("data.", index, StringComparison.Ordinal)) >= 0)
            {
                index += 5;
                var end = index;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
                {
                    end++;
                }

                if (end > index)
                {
                    ids.Add(text[index..end]);
                }
            }
        }

        return ids;
    }

    /// <summary>Every expression text of a journey's nodes.</summary>
    public static IEnumerable<string> ExpressionTexts(Journey journey)
    {
        foreach (var node in (journey.Nodes ?? []).Values)
        {
            switch (node)
            {
                case ConditionNode condition:
                    foreach (var branch in condition.Branches ?? [])
                    {
                        if (branch.When is { } when)
                        {
                            yield return when;
                        }
                    }

                    break;
                case WaitNode { Until: { } until }:
                    yield return until;
                    break;
                case WaitForEventNode { Correlate: { } correlate }:
                    yield return correlate;
                    break;
                case ActionNode call:
                    foreach (var value in (call.Params ?? []).Values)
                    {
                        // A JSON body may hold "param": null; validation reports it, this scan must not crash on it.
                        if (value is not null)
                        {
                            yield return value;
                        }
                    }

                    break;
            }
        }
    }

    private static Shape OpenEventShape(EventDefinition definition) =>
        definition.Fields is { Count: > 0 } ? Shape.FromFields(definition.Fields) : Shape.Open();
}
