using System.Text.Json;
using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Tests.Expressions;

/// <summary>Shared scope, data and helpers: compile must succeed, then evaluate against a fixed context.</summary>
internal static class Expr
{
    public const string EntryJson = """
        {"id":"e1","type":"cart.abandoned",
         "customer":{"id":"c1","email":"Ann@Example.com","tier":"Gold"},
         "cart":{"total":120.5,"items":[{"sku":"a","qty":2},{"sku":"b","qty":1}]},
         "occurredAt":"2026-03-10T08:30:00Z","tags":["vip","new"],"flag":true,
         "meta":{"odd key":"x","n":null}}
        """;

    /// <summary>The candidate event is undeclared (open): its members are typed Any, checked at run time.</summary>
    public const string EventJson = """
        {"s":"abc","upper":"ABC","n":5,"zero":0,"b":true,"nul":null,"list":[1,2,3],"empty":[],"obj":{"a":1},"none":{},
         "when":"2026-03-10T08:30:00Z","bad":"nope","blank":"","pad":"  hi  ","num":"12.5","tz":"Europe/Paris","strs":["x","y"]}
        """;

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly Shape EntryShape = Shape.FromFields(new Dictionary<string, FieldType>
    {
        ["id"] = FieldType.String,
        ["type"] = FieldType.String,
        ["customer.id"] = FieldType.String,
        ["customer.email"] = FieldType.String,
        ["customer.tier"] = FieldType.String,
        ["cart.total"] = FieldType.Number,
        ["cart.items"] = FieldType.Array,
        ["occurredAt"] = FieldType.DateTime,
        ["tags"] = FieldType.Array,
        ["flag"] = FieldType.Boolean,
        ["meta"] = FieldType.Object,
    });

    public static readonly ExpressionScope Scope = ExpressionScope.Empty
        .With(ExpressionRoot.Entry, EntryShape)
        .With(ExpressionRoot.Event, Shape.Open())
        .With(ExpressionRoot.Profile, Shape.Record().With("id", Shape.Leaf(ExprType.String)))
        .With(ExpressionRoot.Data, Shape.Record().With(
            "loyalty",
            Shape.Record()
                .With("tier", Shape.FromFields(new Dictionary<string, FieldType> { ["tier"] = FieldType.String, ["points"] = FieldType.Number }))
                .With("history", Shape.Open())));

    public static EvaluationContext Context() => new()
    {
        Entry = Parse(EntryJson),
        Event = Parse(EventJson),
        Profile = Parse("""{"id":"c1"}"""),
        Data = Parse("""{"loyalty":{"tier":{"tier":"gold","points":1200}}}"""),
        Now = Now,
    };

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static CompiledExpression Compile(string text, ExpressionScope? scope = null)
    {
        var result = ExpressionCompiler.Compile(text, scope ?? Scope);
        Assert.True(result.Succeeded, $"'{text}' did not compile: {string.Join("; ", result.Errors.Select(e => $"{e.Code}@{e.Position}: {e.Message}"))}");
        return result.Expression!;
    }

    public static Value Eval(string text) => Compile(text).Evaluate(Context());

    /// <summary>The single compile error of <paramref name="text"/>.</summary>
    public static ExpressionError Error(string text, ExpressionScope? scope = null, ExprType? expected = null)
    {
        var result = ExpressionCompiler.Compile(text, scope ?? Scope, expected);
        Assert.False(result.Succeeded, $"'{text}' compiled but should not have.");
        Assert.Null(result.Expression);
        return Assert.Single(result.Errors);
    }

    /// <summary>The code of the run-time error of <paramref name="text"/>, which must compile.</summary>
    public static string RuntimeError(string text)
    {
        var expression = Compile(text);
        return Assert.Throws<ExpressionEvaluationException>(() => expression.Evaluate(Context())).Code;
    }

    /// <summary>The result as compact JSON: one comparable form for every kind of value.</summary>
    public static string Json(Value value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string EvalJson(string text) => Json(Eval(text));
}
