using System.Collections.Concurrent;
using Journeys.Core.Expressions;

namespace Journeys.Core.Tests.Expressions;

public class CompiledExpressionTests
{
    [Fact]
    public void The_same_context_gives_the_same_result()
    {
        var expression = Expr.Compile("toString(now() - entry.occurredAt) + ' ' + lower(entry.customer.tier) + toString(entry.cart.total * 0.9)");
        var context = Expr.Context();

        var first = expression.Evaluate(context).AsString();
        var second = expression.Evaluate(context).AsString();

        Assert.Equal("PT3H30M gold108.45", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Now_is_the_clock_reading_the_caller_passes_in()
    {
        var expression = Expr.Compile("now()");
        var context = Expr.Context();
        context.Now = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2030, 1, 2, 1, 4, 5, TimeSpan.Zero), expression.Evaluate(context).AsDateTime());
    }

    [Fact]
    public void A_compiled_expression_is_safe_to_share_between_threads()
    {
        var expression = Expr.Compile("entry.cart.total > 100 && lower(entry.customer.tier) == 'gold' && 'vip' in entry.tags");
        var results = new ConcurrentBag<bool>();

        Parallel.For(0, 2000, _ => results.Add(expression.Evaluate(Expr.Context()).AsBoolean()));

        Assert.Equal(2000, results.Count(result => result));
    }

    [Fact]
    public void Text_is_kept()
    {
        Assert.Equal("1 + 1", Expr.Compile("1 + 1").Text);
    }

    [Theory]
    [InlineData("data.loyalty.tier.tier == 'gold' && data.loyalty.tier.points > 100 || data.loyalty.history.x", "loyalty/tier,loyalty/history")]
    [InlineData("data['loyalty']['tier'].points", "loyalty/tier")]
    [InlineData("exists(data.loyalty.tier)", "loyalty/tier")]
    [InlineData("coalesce(data.loyalty.history.a, data.loyalty.tier.tier)", "loyalty/history,loyalty/tier")]
    [InlineData("data.loyalty", "")]
    [InlineData("entry.id", "")]
    public void Data_references_are_distinct_source_group_pairs_in_order(string text, string expected)
    {
        var references = Expr.Compile(text).DataReferences;

        Assert.Equal(expected, string.Join(",", references.Select(reference => $"{reference.Source}/{reference.Group}")));
    }

    [Fact]
    public void Values_round_trip_through_their_accessors()
    {
        Assert.True(Value.From(true).AsBoolean());
        Assert.Equal(2.5, Value.From(2.5).AsNumber());
        Assert.Equal("x", Value.From("x").AsString());
        Assert.True(Value.From((string?)null).IsNull);
        Assert.Equal(TimeSpan.FromHours(1), Value.From(TimeSpan.FromHours(1)).AsDuration());
        Assert.Equal("0", Value.From(-0.0).ToTemplateText());
        Assert.Equal("[1,\"a\"]", Value.From([Value.From(1), Value.From("a")]).ToTemplateText());
        Assert.Equal(ExpressionErrorCodes.Type, Assert.Throws<ExpressionEvaluationException>(() => Value.From("x").AsNumber()).Code);
    }
}
