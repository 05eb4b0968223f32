using System.Text.Json;
using Journeys.Core.Model;
using Journeys.Core.Routing;

namespace Journeys.Core.Tests.Routing;

/// <summary>
/// The classifier's index by <see cref="MatchKey"/>: which <c>match</c> shapes yield a key, and that classifying with
/// the index gives exactly what evaluating every definition gives.
/// </summary>
public sealed class EventClassifierIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("type == 'cart.abandoned'", "type", "cart.abandoned")]
    [InlineData("'cart.abandoned' == type", "type", "cart.abandoned")]
    [InlineData("type == 'a' && amount > 10", "type", "a")]
    [InlineData("amount > 10 && kind == 'b'", "kind", "b")]
    [InlineData("amount > 10 && amount < 20 && type == 'c'", "type", "c")]
    [InlineData("type == 'a' && kind == 'b'", "type", "a")]
    [InlineData("type == ''", "type", "")]
    public void A_string_equality_on_a_top_level_field_is_a_key(string match, string field, string literal)
    {
        Assert.Equal(new MatchKey(field, literal), Compile("d", match).MatchKey);
    }

    [Theory]
    [InlineData("type != 'a'")]
    [InlineData("type == 'a' || type == 'b'")]
    [InlineData("!(type == 'a')")]
    [InlineData("cart.type == 'a'")]
    [InlineData("lower(type) == 'a'")]
    [InlineData("type == kind")]
    [InlineData("amount == 10")]
    [InlineData("flag == true")]
    [InlineData("type in ['a', 'b']")]
    [InlineData("at == '2026-01-01T00:00:00Z'")]
    [InlineData("true")]
    public void Other_shapes_have_no_key(string match)
    {
        Assert.Null(Compile("d", match).MatchKey);
    }

    [Fact]
    public void Only_the_definitions_whose_literal_the_event_carries_match()
    {
        var classifier = new EventClassifier([
            Compile("cart", "type == 'cart.abandoned'"),
            Compile("order", "type == 'order.placed'"),
            Compile("any-big", "amount > 100"),
        ]);

        var result = classifier.Classify(Parse("""{"type":"order.placed","user":"u1","amount":500}"""), Now);

        Assert.Equal(["any-big", "order"], result.Select(r => r.EventId));
    }

    [Fact]
    public void An_escaped_field_value_equal_to_the_literal_still_matches()
    {
        var classifier = new EventClassifier([Compile("cart", "type == 'cart'")]);

        var result = classifier.Classify(Parse("""{"type":"\u0063art","user":"u1"}"""), Now);

        Assert.Equal(["cart"], result.Select(r => r.EventId));
    }

    [Fact]
    public void A_field_that_is_not_a_string_matches_no_keyed_definition()
    {
        var classifier = new EventClassifier([Compile("one", "type == '1'"), Compile("other", "type != '1'")]);

        Assert.Equal(["other"], classifier.Classify(Parse("""{"type":1,"user":"u1"}"""), Now).Select(r => r.EventId));
    }

    /// <summary>A seeded comparison over many generated events: the index never changes a classification.</summary>
    [Fact]
    public void Classifying_with_the_index_equals_evaluating_every_definition()
    {
        var matches = new[]
        {
            "type == 'a'", "'b' == type", "type == 'a' && amount > 10", "amount > 10 && type == 'c'", "type == 'a' || type == 'b'",
            "type != 'a'", "kind == 'x'", "kind == 'y' && type == 'a'", "cart.type == 'a'", "lower(type) == 'a'",
            "at == '2026-01-01T00:00:00Z'", "amount == 10", "type == 'A'", "type == ''", "type == 'a' && amount / 0 > 1",
        };
        var definitions = matches.Select((m, i) => Compile($"def-{i:D2}", m)).ToList();
        Assert.True(definitions.Count(d => d.MatchKey is not null) >= 8); // The comparison covers the indexed path.
        var withKeyedOnly = new EventClassifier(definitions.Where(d => d.MatchKey is { Field: "type" }));
        var withAll = new EventClassifier(definitions);

        var random = new Random(20261123);
        string[] types = ["\"a\"", "\"b\"", "\"c\"", "\"A\"", "\"\"", "\"\\u0061\"", "1", "null", "true", "{\"x\":1}", "[\"a\"]"];
        string[] kinds = ["\"x\"", "\"y\"", "\"z\"", "2"];
        string[] amounts = ["5", "10", "50", "\"50\"", "null"];
        string[] ats = ["\"2026-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00.000Z\"", "\"not a date\"", "3"];
        var compared = 0;
        for (var i = 0; i < 3000; i++)
        {
            var fields = new List<string> { "\"user\":\"u1\"" };
            void Maybe(string name, string[] values)
            {
                if (random.Next(5) > 0)
                {
                    fields.Add($"\"{name}\":{values[random.Next(values.Length)]}");
                }
            }

            Maybe("type", types);
            Maybe("kind", kinds);
            Maybe("amount", amounts);
            Maybe("at", ats);
            Maybe("type", types); // Sometimes a duplicate property: the index must read it the way match does.
            if (random.Next(4) == 0)
            {
                fields.Add($"\"cart\":{{\"type\":{types[random.Next(types.Length)]}}}");
            }

            var rawEvent = Parse("{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}");
            foreach (var classifier in new[] { withKeyedOnly, withAll })
            {
                Assert.Equal(Describe(classifier.ClassifyWithoutIndex(rawEvent, Now)), Describe(classifier.Classify(rawEvent, Now)));
                compared++;
            }
        }

        Assert.Equal(6000, compared);
    }

    private static string Describe(IReadOnlyList<EventClassification> classifications) =>
        string.Join(" | ", classifications.Select(c => $"{c.EventId} {c.ProfileId} {string.Join(";", c.Problems)}"));

    private static CompiledEventDefinition Compile(string id, string match)
    {
        var definition = new EventDefinition
        {
            Match = match,
            ProfileId = "user",
            Fields = match.Contains("at ==", StringComparison.Ordinal) || match.Contains("flag", StringComparison.Ordinal) || match.Contains("cart", StringComparison.Ordinal)
                ? new Dictionary<string, FieldType>
                {
                    ["at"] = FieldType.DateTime,
                    ["flag"] = FieldType.Boolean,
                    ["cart"] = FieldType.Object,
                    ["type"] = FieldType.String,
                    ["kind"] = FieldType.String,
                    ["user"] = FieldType.String,
                    ["amount"] = FieldType.Number,
                }
                : null, // Most definitions declare nothing: the event's shape is open.
        };
        return CompiledEventDefinition.TryCompile(id, definition, out var errors)
            ?? throw new InvalidOperationException($"'{match}' did not compile: {string.Join("; ", errors)}");
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
