using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Tests.Expressions;

public class EventRuleTests
{
    private static readonly ExpressionScope RuleScope = ExpressionScope.ForEventRule(Shape.FromFields(new Dictionary<string, FieldType>
    {
        ["id"] = FieldType.String,
        ["type"] = FieldType.String,
        ["customer.id"] = FieldType.String,
        ["cart.total"] = FieldType.Number,
        ["occurredAt"] = FieldType.DateTime,
    }));

    private static EvaluationContext RawEvent() => new()
    {
        Event = Expr.Parse("""{"id":"ev-9","type":"cart.abandoned","customer":{"id":"c7"},"cart":{"total":80},"occurredAt":"2026-03-10T08:30:00Z"}"""),
        Now = Expr.Now,
    };

    [Theory]
    [InlineData("type == 'cart.abandoned'", "true")]
    [InlineData("customer.id", "\"c7\"")]
    [InlineData("id", "\"ev-9\"")]
    [InlineData("cart.total > 50 && startsWith(type, 'cart.')", "true")]
    [InlineData("occurredAt + duration('PT1H')", "\"2026-03-10T09:30:00Z\"")]
    [InlineData("customer['id']", "\"c7\"")]
    public void Bare_names_read_the_raw_event(string text, string expected)
    {
        var result = ExpressionCompiler.Compile(text, RuleScope);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, Expr.Json(result.Expression!.Evaluate(RawEvent())));
    }

    [Fact]
    public void A_misspelt_field_is_an_unknown_field_with_a_suggestion()
    {
        var error = Expr.Error("typ == 'x'", RuleScope);

        Assert.Equal((ExpressionErrorCodes.UnknownField, 0, 3), (error.Code, error.Position, error.Length));
        Assert.Contains("Did you mean 'type'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("event.type == 'x'", 0, 5)]
    [InlineData("entry.id", 0, 5)]
    [InlineData("customer.name", 9, 4)]
    public void Named_roots_are_not_available_in_event_rules(string text, int position, int length)
    {
        var error = Expr.Error(text, RuleScope);

        Assert.Equal((ExpressionErrorCodes.UnknownField, position, length), (error.Code, error.Position, error.Length));
    }

    [Fact]
    public void An_event_without_declared_fields_accepts_any_name()
    {
        var scope = ExpressionScope.ForEventRule(Shape.Open());

        var expression = ExpressionCompiler.Compile("type == 'cart.abandoned' && anything.deep == null", scope).Expression!;

        Assert.True(expression.Evaluate(RawEvent()).AsBoolean());
    }

    [Fact]
    public void Function_names_remain_functions_in_event_rules()
    {
        Assert.Equal("cart.abandoned", ExpressionCompiler.Compile("lower(type)", RuleScope).Expression!.Evaluate(RawEvent()).AsString());
    }
}
