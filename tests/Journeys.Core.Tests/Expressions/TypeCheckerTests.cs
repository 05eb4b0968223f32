using Journeys.Core.Expressions;
using Journeys.Core.Model;

namespace Journeys.Core.Tests.Expressions;

public class TypeCheckerTests
{
    [Theory]
    [InlineData("entry.cart.totl > 1", ExpressionErrorCodes.UnknownField, 11, 4)]
    [InlineData("entry.custmer.id", ExpressionErrorCodes.UnknownField, 6, 7)]
    [InlineData("entry.id.foo", ExpressionErrorCodes.UnknownField, 9, 3)]
    [InlineData("entry.tags.first", ExpressionErrorCodes.UnknownField, 11, 5)]
    [InlineData("entry['customer'].idd", ExpressionErrorCodes.UnknownField, 18, 3)]
    [InlineData("entry.customer['e-mail']", ExpressionErrorCodes.UnknownField, 15, 8)]
    [InlineData("data.loyalty.tiers.tier", ExpressionErrorCodes.UnknownField, 13, 5)]
    [InlineData("foo.bar", ExpressionErrorCodes.UnknownRoot, 0, 3)]
    [InlineData("params.email", ExpressionErrorCodes.UnknownRoot, 0, 6)]
    [InlineData("1 + lower", ExpressionErrorCodes.UnknownRoot, 4, 5)]
    [InlineData("lowr(entry.id)", ExpressionErrorCodes.UnknownFunction, 0, 4)]
    [InlineData("lower(entry.id, 1)", ExpressionErrorCodes.Arity, 0, 18)]
    [InlineData("now(1)", ExpressionErrorCodes.Arity, 0, 6)]
    [InlineData("contains('a')", ExpressionErrorCodes.Arity, 0, 13)]
    [InlineData("hour()", ExpressionErrorCodes.Arity, 0, 6)]
    [InlineData("'a' * 2", ExpressionErrorCodes.Type, 0, 3)]
    [InlineData("2 * 'a'", ExpressionErrorCodes.Type, 4, 3)]
    [InlineData("entry.flag - 1", ExpressionErrorCodes.Type, 0, 10)]
    [InlineData("entry.tags + 1", ExpressionErrorCodes.Type, 0, 10)]
    [InlineData("now() + 1", ExpressionErrorCodes.Type, 6, 1)]
    [InlineData("now() + now()", ExpressionErrorCodes.Type, 6, 1)]
    [InlineData("entry.cart.total && true", ExpressionErrorCodes.Type, 0, 16)]
    [InlineData("true || 'x'", ExpressionErrorCodes.Type, 8, 3)]
    [InlineData("!entry.id", ExpressionErrorCodes.Type, 1, 8)]
    [InlineData("-'x'", ExpressionErrorCodes.Type, 1, 3)]
    [InlineData("entry.cart.total == 'x'", ExpressionErrorCodes.Type, 17, 2)]
    [InlineData("entry.flag != 1", ExpressionErrorCodes.Type, 11, 2)]
    [InlineData("entry.tags < 1", ExpressionErrorCodes.Type, 0, 10)]
    [InlineData("entry.cart.total < 'x'", ExpressionErrorCodes.Type, 17, 1)]
    [InlineData("1 in 2", ExpressionErrorCodes.Type, 5, 1)]
    [InlineData("1 in 'abc'", ExpressionErrorCodes.Type, 0, 1)]
    [InlineData("entry.id ? 1 : 2", ExpressionErrorCodes.Type, 0, 8)]
    [InlineData("entry.customer[0]", ExpressionErrorCodes.Type, 15, 1)]
    [InlineData("entry.tags[1.5]", ExpressionErrorCodes.Type, 11, 3)]
    [InlineData("lower(entry.cart.total)", ExpressionErrorCodes.Type, 6, 16)]
    [InlineData("contains(entry.cart.total, 1)", ExpressionErrorCodes.Type, 9, 16)]
    [InlineData("startsWith(entry.id, 1)", ExpressionErrorCodes.Type, 21, 1)]
    [InlineData("length(1)", ExpressionErrorCodes.Type, 7, 1)]
    [InlineData("exists(1)", ExpressionErrorCodes.Type, 7, 1)]
    [InlineData("min(1)", ExpressionErrorCodes.Type, 4, 1)]
    [InlineData("max(1, 'a')", ExpressionErrorCodes.Type, 7, 3)]
    [InlineData("round('a')", ExpressionErrorCodes.Type, 6, 3)]
    [InlineData("toNumber(now())", ExpressionErrorCodes.Type, 9, 5)]
    [InlineData("hour(1)", ExpressionErrorCodes.Type, 5, 1)]
    [InlineData("duration('P1X')", ExpressionErrorCodes.BadLiteral, 9, 5)]
    [InlineData("duration('P1M')", ExpressionErrorCodes.BadLiteral, 9, 5)]
    [InlineData("date('nope')", ExpressionErrorCodes.BadLiteral, 5, 6)]
    [InlineData("hour(now(), 'Mars/Olympus')", ExpressionErrorCodes.BadLiteral, 12, 14)]
    [InlineData("round(1.5, 20)", ExpressionErrorCodes.BadLiteral, 11, 2)]
    [InlineData("entry.occurredAt > 'yesterday'", ExpressionErrorCodes.BadLiteral, 19, 11)]
    [InlineData("'soon' == entry.occurredAt", ExpressionErrorCodes.BadLiteral, 0, 6)]
    public void Type_errors_have_codes_and_spans(string text, string code, int position, int length)
    {
        var error = Expr.Error(text);

        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
        Assert.Equal(length, error.Length);
    }

    [Fact]
    public void An_unknown_field_suggests_the_declared_name_and_names_the_path()
    {
        var error = Expr.Error("entry.cart.totl > 1");

        Assert.Contains("'entry.cart'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'totl'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'total'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_function_suggests_the_real_one()
    {
        Assert.Contains("Did you mean 'startsWith'?", Expr.Error("startswith(entry.id, 'x')").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_root_lists_the_available_ones()
    {
        var error = Expr.Error("params.email");

        Assert.Contains("entry, event, profile, data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hyphenated_node_id_hints_at_bracket_syntax()
    {
        var scope = ExpressionScope.Empty.With(
            ExpressionRoot.Events,
            Shape.Record().With("await-order", Shape.Open()));

        var result = ExpressionCompiler.Compile("events.await-order.total > 1", scope);

        var first = result.Errors[0];
        Assert.Equal(ExpressionErrorCodes.UnknownField, first.Code);
        Assert.Equal(7, first.Position);
        Assert.Contains("['await-order']", first.Message, StringComparison.Ordinal);
        Assert.True(ExpressionCompiler.Compile("events['await-order'].total > 1", scope).Succeeded);
    }

    [Fact]
    public void Every_error_is_reported_in_order_of_position()
    {
        var result = ExpressionCompiler.Compile("entry.cart.totl + lowr(1) > 'a' * 2 || params.x", Expr.Scope);

        Assert.Equal(
            [
                (ExpressionErrorCodes.UnknownField, 11),
                (ExpressionErrorCodes.UnknownFunction, 18),
                (ExpressionErrorCodes.Type, 28),
                (ExpressionErrorCodes.UnknownRoot, 39),
            ],
            result.Errors.Select(error => (error.Code, error.Position)));
    }

    [Fact]
    public void A_part_in_error_is_not_reported_again_by_the_parts_around_it()
    {
        var result = ExpressionCompiler.Compile("lower(entry.cart.totl) == 'x' && entry.cart.totl > 1", Expr.Scope);

        Assert.All(result.Errors, error => Assert.Equal(ExpressionErrorCodes.UnknownField, error.Code));
        Assert.Equal(2, result.Errors.Count);
    }

    [Theory]
    [InlineData("entry.cart.items[0].anything")]
    [InlineData("entry.meta.anything.deeper")]
    [InlineData("event.whatever.x[3]['y']")]
    [InlineData("data.loyalty.history.anything")]
    [InlineData("entry.meta == event.x")]
    [InlineData("event.x - 'a'")]
    [InlineData("event.x && event.y")]
    [InlineData("null * 2")]
    [InlineData("entry.occurredAt > '2026-01-01'")]
    [InlineData("lower(null)")]
    public void Open_shapes_and_unknown_types_are_left_to_run_time(string text) =>
        Assert.True(ExpressionCompiler.Compile(text, Expr.Scope).Succeeded);

    [Theory]
    [InlineData("entry.cart.total * 2", ExprType.Number)]
    [InlineData("entry.id + 1", ExprType.String)]
    [InlineData("now() + duration('PT1H')", ExprType.DateTime)]
    [InlineData("now() - entry.occurredAt", ExprType.Duration)]
    [InlineData("entry.occurredAt", ExprType.DateTime)]
    [InlineData("entry.cart.total > 1 && true", ExprType.Boolean)]
    [InlineData("event.x", ExprType.Any)]
    [InlineData("event.x + 'a'", ExprType.String)]
    [InlineData("entry.meta", ExprType.Object)]
    [InlineData("entry.tags", ExprType.List)]
    [InlineData("coalesce(entry.id, 'x')", ExprType.String)]
    [InlineData("coalesce(entry.id, 1)", ExprType.Any)]
    [InlineData("entry.flag ? 1 : null", ExprType.Number)]
    [InlineData("null", ExprType.Null)]
    [InlineData("[1, 2]", ExprType.List)]
    public void Static_result_types(string text, ExprType expected) => Assert.Equal(expected, Expr.Compile(text).Type);

    [Theory]
    [InlineData("entry.cart.total", ExprType.Boolean)]
    [InlineData("entry.id", ExprType.DateTime)]
    [InlineData("entry.cart.total > 1", ExprType.String)]
    public void A_result_type_that_cannot_be_the_expected_one_is_a_mismatch(string text, ExprType expected)
    {
        var error = Expr.Error(text, expected: expected);

        Assert.Equal(ExpressionErrorCodes.TypeMismatch, error.Code);
        Assert.Equal(0, error.Position);
        Assert.Equal(text.Length, error.Length);
    }

    [Theory]
    [InlineData("event.x", ExprType.Boolean)]
    [InlineData("null", ExprType.Boolean)]
    [InlineData("entry.cart.total > 1", ExprType.Boolean)]
    [InlineData("entry.occurredAt + duration('P1D')", ExprType.DateTime)]
    [InlineData("entry.id", ExprType.Any)]
    public void Any_and_null_results_satisfy_any_expected_type(string text, ExprType expected) =>
        Assert.True(ExpressionCompiler.Compile(text, Expr.Scope, expected).Succeeded);

    [Fact]
    public void The_empty_scope_allows_only_literals_and_functions()
    {
        Assert.True(ExpressionCompiler.Compile("now() + duration('PT1H')", ExpressionScope.Empty).Succeeded);
        Assert.Equal(ExpressionErrorCodes.UnknownRoot, Expr.Error("entry.id", ExpressionScope.Empty).Code);
    }

    [Fact]
    public void Fields_that_are_objects_with_declared_members_are_open_records()
    {
        var shape = Shape.FromFields(new Dictionary<string, FieldType> { ["cart"] = FieldType.Object, ["cart.total"] = FieldType.Number });
        var scope = ExpressionScope.Empty.With(ExpressionRoot.Entry, shape);

        Assert.Equal(ExprType.Number, ExpressionCompiler.Compile("entry.cart.total", scope).Expression!.Type);
        Assert.Equal(ExprType.Any, ExpressionCompiler.Compile("entry.cart.other", scope).Expression!.Type);
        Assert.Equal(ExpressionErrorCodes.UnknownField, Expr.Error("entry.other", scope).Code);
    }

    [Fact]
    public void Shape_with_on_a_scalar_leaf_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Shape.Leaf(ExprType.String).With("x", Shape.Open()));
    }
}
