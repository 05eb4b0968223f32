using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Routing;

/// <summary>
/// Applies every event definition to a raw event (SPEC §5 ingestion): <c>match</c>, then the declared field types
/// and <c>required</c> fields, then <c>profileId</c> and <c>eventKey</c>. Pure: the caller passes the clock reading.
/// Definitions whose <c>match</c> implies a <see cref="MatchKey"/> are indexed by it, so an event only evaluates the
/// <c>match</c> of those whose literal equals its field (and of every definition without a key): with many
/// definitions, one per event type, evaluating them all was most of classification's cost.
/// </summary>
public sealed class EventClassifier
{
    /// <summary>The longest profile id or event key, in characters; the instance route takes the same ids.</summary>
    public const int MaxKeyLength = 256;

    private readonly CompiledEventDefinition[] definitions;

    /// <summary>Positions (in <see cref="definitions"/>) of the definitions without a key, ascending.</summary>
    private readonly int[] unkeyed;

    private readonly KeyedField[] keyedFields;

    public EventClassifier(IEnumerable<CompiledEventDefinition> definitions)
    {
        this.definitions = definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        var unkeyedPositions = new List<int>();
        var byField = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
        for (var position = 0; position < this.definitions.Length; position++)
        {
            if (this.definitions[position].MatchKey is not { } key)
            {
                unkeyedPositions.Add(position);
                continue;
            }

            var literals = byField.TryGetValue(key.Field, out var found) ? found : byField[key.Field] = new(StringComparer.Ordinal);
            (literals.TryGetValue(key.Literal, out var positions) ? positions : literals[key.Literal] = []).Add(position);
        }

        unkeyed = [.. unkeyedPositions];
        keyedFields = [.. byField.Select(f => new KeyedField(
            Encoding.UTF8.GetBytes(f.Key), f.Value.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal)))];
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
        if (keyedFields.Length == 0)
        {
            return Classify(definitions, rawEvent, context);
        }

        // The common shape (every definition keyed on one field) needs no merge: the one bucket is already in order.
        if (unkeyed.Length == 0 && keyedFields.Length == 1)
        {
            return keyedFields[0].Find(rawEvent) is { } bucket ? Classify(bucket, rawEvent, context) : [];
        }

        var candidates = ArrayPool<int>.Shared.Rent(definitions.Length);
        try
        {
            unkeyed.CopyTo(candidates, 0);
            var count = unkeyed.Length;
            var sources = count == 0 ? 0 : 1;
            foreach (var field in keyedFields)
            {
                if (field.Find(rawEvent) is { } positions)
                {
                    positions.CopyTo(candidates, count);
                    count += positions.Length;
                    sources++;
                }
            }

            var span = candidates.AsSpan(0, count);
            if (sources > 1)
            {
                span.Sort(); // A definition has at most one key, so the sources never overlap: sorting restores id order.
            }

            List<EventClassification>? results = null;
            foreach (var position in span)
            {
                Evaluate(definitions[position], rawEvent, context, ref results);
            }

            return results ?? (IReadOnlyList<EventClassification>)[];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    private IReadOnlyList<EventClassification> Classify(int[] positions, JsonElement rawEvent, EvaluationContext context)
    {
        List<EventClassification>? results = null;
        foreach (var position in positions)
        {
            Evaluate(definitions[position], rawEvent, context, ref results);
        }

        return results ?? (IReadOnlyList<EventClassification>)[];
    }

    private static IReadOnlyList<EventClassification> Classify(CompiledEventDefinition[] candidates, JsonElement rawEvent, EvaluationContext context)
    {
        List<EventClassification>? results = null;
        foreach (var definition in candidates)
        {
            Evaluate(definition, rawEvent, context, ref results);
        }

        return results ?? (IReadOnlyList<EventClassification>)[];
    }

    /// <summary>The slow path, kept as the reference the index must agree with: every definition's <c>match</c>, in id order.</summary>
    public IReadOnlyList<EventClassification> ClassifyWithoutIndex(JsonElement rawEvent, DateTimeOffset now) =>
        rawEvent.ValueKind != JsonValueKind.Object ? [] : Classify(definitions, rawEvent, new EvaluationContext { Event = rawEvent, Now = now });

    private static void Evaluate(CompiledEventDefinition definition, JsonElement rawEvent, EvaluationContext context, ref List<EventClassification>? results)
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

            // A blank id would make one profile of every producer that sends spaces: refused like an empty one.
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{what} is blank (only white space)");
                return null;
            }

            if (text.Length > MaxKeyLength)
            {
                problems.Add($"{what} is longer than {MaxKeyLength} characters");
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

    /// <summary>The keyed definitions of one field: literal → positions, ascending.</summary>
    private sealed class KeyedField(byte[] utf8Name, Dictionary<string, int[]> byLiteral)
    {
        /// <summary>
        /// The positions whose literal the event's field holds. The field is read the way the <c>match</c> reads it
        /// (the same property look-up), and only a JSON string can equal a string literal.
        /// </summary>
        public int[]? Find(JsonElement rawEvent) =>
            rawEvent.TryGetProperty(utf8Name, out var value) && value.ValueKind == JsonValueKind.String
                ? byLiteral.GetValueOrDefault(value.GetString()!)
                : null;
    }
}
