using Journeys.Core.Expressions;
using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Core.Routing;

/// <summary>An event definition with its rules compiled once, ready to classify raw events.</summary>
public sealed class CompiledEventDefinition
{
    private CompiledEventDefinition(string id, EventDefinition definition, CompiledExpression match, CompiledExpression profileId, CompiledExpression? eventKey)
    {
        Id = id;
        Definition = definition;
        Match = match;
        ProfileId = profileId;
        EventKey = eventKey;
        MatchKey = MatchKey.Find(match);
        Fields = (definition.Fields ?? []).Select(f => new DeclaredField(f.Key, f.Key.Split('.'), f.Value)).ToArray();
        Required = (definition.Required ?? []).Select(r => new DeclaredField(r, r.Split('.'), definition.Fields?.GetValueOrDefault(r) ?? FieldType.String)).ToArray();
    }

    public string Id { get; }

    public EventDefinition Definition { get; }

    /// <summary>The field and literal every event that matches must carry; null when <c>match</c> implies none.</summary>
    public MatchKey? MatchKey { get; }

    internal CompiledExpression Match { get; }

    internal CompiledExpression ProfileId { get; }

    internal CompiledExpression? EventKey { get; }

    internal IReadOnlyList<DeclaredField> Fields { get; }

    internal IReadOnlyList<DeclaredField> Required { get; }

    /// <summary>Compiles a definition that passed <see cref="ConfigurationValidator"/>; returns null with the errors otherwise.</summary>
    public static CompiledEventDefinition? TryCompile(string id, EventDefinition definition, out IReadOnlyList<string> errors)
    {
        var scope = JourneyScopes.ForEventRule(definition);
        var problems = new List<string>();
        var match = Compile(definition.Match, "match", scope, ExprType.Boolean, problems);
        var profileId = Compile(definition.ProfileId, "profileId", scope, null, problems);
        var eventKey = string.IsNullOrWhiteSpace(definition.EventKey) ? null : Compile(definition.EventKey, "eventKey", scope, null, problems);
        errors = problems;
        return match is null || profileId is null || problems.Count > 0
            ? null
            : new CompiledEventDefinition(id, definition, match, profileId, eventKey);
    }

    private static CompiledExpression? Compile(string? text, string property, ExpressionScope scope, ExprType? expected, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{property} is required");
            return null;
        }

        var result = ExpressionCompiler.Compile(text, scope, expected);
        problems.AddRange(result.Errors.Select(e => $"{property}: {e.Message}"));
        return result.Expression;
    }

    internal sealed record DeclaredField(string Name, string[] Segments, FieldType Type);
}
