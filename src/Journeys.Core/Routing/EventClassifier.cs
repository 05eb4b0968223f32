using System.Globalization;
using System.Text.Json;
using Journeys.Expressions;
using Journeys.Model;

namespace Journeys.Routing;

/// <summary>
/// Applies every event definition to a raw event (SPEC §5 ingestion): <c>match</c>, then the declared field types
/// and <c>required</c> fields, then <c>profileId</c> and <c>eventKey</c>. Pure: the caller passes the clock reading.
/// </summary>
public sealed class EventClassifier
{
    private readonly IReadOnlyList<CompiledEventDefinition> definitions;

    public EventClassifier(IEnumerable<CompiledEventDefinition> definitions)
    {
        this.definitions = definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<CompiledEventDefinition> Definitions => definitions;

    /// <summary>Only the definitions whose <c>match</c> is true appear in the result, in id order.</summary>
    public IReadOnlyList<EventClassification> Classify(JsonElement rawEvent, DateTimeOffset now)
    {
        if (rawEvent.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var context = new EvaluationContext { Event = rawEvent, Now = now };
        List<EventClassification>? results = null;
        foreach (var definition in definitions)
        {
            bool matched;
            try
            {
                var value = definition.Match.Evaluate(context);
                matched = value.Kind == ValueKind.Boolean && value.AsBoolean();
            }
            catch (ExpressionEvaluationException)
            {
                // An event the rule cannot even be evaluated on is not this kind of event.
                matched = false;
            }

            if (matched)
            {
                (results ??= []).Add(Check(definition, rawEvent, context));
            }
        }

        return results ?? (IReadOnlyList<EventClassification>)[];
    }

    private static EventClassification Check(CompiledEventDefinition definition, JsonElement rawEvent, EvaluationContext context)
    {
        var problems = new List<string>();
        foreach (var required in definition.Required)
        {
            if (!DeclaredFields.TryResolve(rawEvent, required.Segments, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                problems.Add($"required field '{required.Name}' is missing");
            }
        }

        foreach (var field in definition.Fields)
        {
            if (DeclaredFields.TryResolve(rawEvent, field.Segments, out var value) && value.ValueKind != JsonValueKind.Null && !DeclaredFields.Matches(value, field.Type))
            {
                problems.Add($"field '{field.Name}' must be {DeclaredFields.Describe(field.Type)}");
            }
        }

        var profileId = ToKey(definition.ProfileId, context, "profileId", problems);
        var eventKey = definition.EventKey is null ? null : ToKey(definition.EventKey, context, "eventKey", problems);
        return new EventClassification(definition.Id, true, profileId, eventKey, problems);
    }

    private static string? ToKey(CompiledExpression expression, EvaluationContext context, string what, List<string> problems)
    {
        try
        {
            var value = expression.Evaluate(context);
            var text = value.Kind switch
            {
                ValueKind.String => value.AsString(),
                ValueKind.Number => value.AsNumber().ToString("R", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (string.IsNullOrEmpty(text))
            {
                problems.Add($"{what} is empty");
                return null;
            }

            if (text.Length > 256)
            {
                problems.Add($"{what} is longer than 256 characters");
                return null;
            }

            return text;
        }
        catch (ExpressionEvaluationException ex)
        {
            problems.Add($"{what} could not be evaluated: {ex.Message}");
            return null;
        }
    }
}
