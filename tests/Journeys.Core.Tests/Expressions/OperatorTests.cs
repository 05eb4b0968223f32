using Journeys.Core.Expressions;

namespace Journeys.Core.Tests.Expressions;

public class OperatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("-entry.cart.total", "-120.5")]
    [InlineData("- -2", "2")]
    [InlineData("entry.cart.total * 0.9", "108.45")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("1.5e2", "150")]
    [InlineData("null + 1", "null")]
    [InlineData("event.nul * 2", "null")]
    [InlineData("-event.nul", "null")]
    public void Arithmetic_on_numbers(string text, string expected) => Assert.Equal(expected, Expr.EvalJson(text));

    [Theory]
    [InlineData("'a' + 'b'", "\"ab\"")]
    [InlineData("'total: ' + entry.cart.total", "\"total: 120.5\"")]
    [InlineData("entry.flag + '!'", "\"true!\"")]
    [InlineData("'at ' + entry.occurredAt", "\"at 2026-03-10T08:30:00Z\"")]
    [InlineData("'wait ' + duration('PT90M')", "\"wait PT1H30M\"")]
    [InlineData("'x' + null", "null")]
    public void Plus_joins_text(string text, string expected) => Assert.Equal(expected, Expr.EvalJson(text));

    [Theory]
    [InlineData("entry.occurredAt + duration('PT1H')", "\"2026-03-10T09:30:00Z\"")]
    [InlineData("duration('P1D') + entry.occurredAt", "\"2026-03-11T08:30:00Z\"")]
    [InlineData("entry.occurredAt - duration('PT30M')", "\"2026-03-10T08:00:00Z\"")]
    [InlineData("now() - entry.occurredAt", "\"PT3H30M\"")]
    [InlineData("entry.occurredAt - now()", "\"-PT3H30M\"")]
    [InlineData("now() - '2026-03-10T11:00:00Z'", "\"PT1H\"")]
    [InlineData("duration('PT1H') + duration('PT30M')", "\"PT1H30M\"")]
    [InlineData("duration('PT1H') - duration('PT30M')", "\"PT30M\"")]
    [InlineData("duration('PT1H') * 2", "\"PT2H\"")]
    [InlineData("3 * duration('PT1H')", "\"PT3H\"")]
    [InlineData("duration('PT1H') / 4", "\"PT15M\"")]
    [InlineData("duration('P1D') / duration('PT1H')", "24")]
    [InlineData("-duration('PT1H')", "\"-PT1H\"")]
    [InlineData("event.when + duration('PT1H')", "\"2026-03-10T09:30:00Z\"")]
    [InlineData("duration('PT1H') + event.when", "\"2026-03-10T09:30:00Z\"")]
    [InlineData("event.when - duration('PT1H')", "\"2026-03-10T07:30:00Z\"")]
    public void Datetime_and_duration_arithmetic(string text, string expected) => Assert.Equal(expected, Expr.EvalJson(text));

    [Theory]
    [InlineData("entry.cart.total > 100", true)]
    [InlineData("entry.cart.total < 100", false)]
    [InlineData("120.5 >= entry.cart.total", true)]
    [InlineData("120.5 <= entry.cart.total", true)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("entry.occurredAt < now()", true)]
    [InlineData("entry.occurredAt > '2026-03-10T08:00:00Z'", true)]
    [InlineData("'2026-03-11' > entry.occurredAt", true)]
    [InlineData("duration('PT1H') > duration('PT59M')", true)]
    [InlineData("null < 1", false)]
    [InlineData("null >= 1", false)]
    [InlineData("event.nul > 0", false)]
    [InlineData("event.n > 4", true)]
    public void Ordering(string text, bool expected) => Assert.Equal(expected, Expr.Eval(text).AsBoolean());

    [Theory]
    [InlineData("1 == 1.0", true)]
    [InlineData("entry.type == 'cart.abandoned'", true)]
    [InlineData("entry.type != 'cart.abandoned'", false)]
    [InlineData("'cart.abandoned' == entry.type", true)]
    [InlineData("entry.customer.tier == 'gold'", false)]
    [InlineData("null == null", true)]
    [InlineData("entry.meta.missing == null", true)]
    [InlineData("entry.id == null", false)]
    [InlineData("event.n == '5'", false)]
    [InlineData("event.b == true", true)]
    [InlineData("entry.occurredAt == '2026-03-10T09:30:00+01:00'", true)]
    [InlineData("entry.occurredAt == date('2026-03-10T08:30:00Z')", true)]
    [InlineData("duration('PT60M') == duration('PT1H')", true)]
    [InlineData("entry.tags == ['vip', 'new']", true)]
    [InlineData("event.list == [1, 2, 3]", true)]
    [InlineData("event.list == [1, 2]", false)]
    [InlineData("event.obj == event.obj", true)]
    [InlineData("event.obj != event.none", true)]
    [InlineData("event.s == event.s", true)]
    public void Equality_by_value(string text, bool expected) => Assert.Equal(expected, Expr.Eval(text).AsBoolean());

    [Theory]
    [InlineData("'vip' in entry.tags", true)]
    [InlineData("'old' in entry.tags", false)]
    [InlineData("2 in [1, 2, 3]", true)]
    [InlineData("entry.customer.tier in ['Gold', 'Silver']", true)]
    [InlineData("'art' in entry.type", true)]
    [InlineData("'ART' in entry.type", false)]
    [InlineData("'x' in event.nul", false)]
    [InlineData("null in entry.tags", false)]
    [InlineData("3 in event.list", true)]
    public void In_looks_in_lists_and_strings(string text, bool expected) => Assert.Equal(expected, Expr.Eval(text).AsBoolean());

    [Theory]
    [InlineData("true && false", false)]
    [InlineData("true && true", true)]
    [InlineData("false || true", true)]
    [InlineData("false || false", false)]
    [InlineData("!true", false)]
    [InlineData("!null", true)]
    [InlineData("null && true", false)]
    [InlineData("null || true", true)]
    [InlineData("!entry.flag", false)]
    [InlineData("false && event.s", false)]
    [InlineData("true || event.s", true)]
    [InlineData("!(1 in [1]) || entry.flag", true)]
    public void Logic_treats_null_as_false_and_short_circuits(string text, bool expected) =>
        Assert.Equal(expected, Expr.Eval(text).AsBoolean());

    [Theory]
    [InlineData("entry.meta.missing ?? 'default'", "\"default\"")]
    [InlineData("entry.id ?? 'default'", "\"e1\"")]
    [InlineData("event.nul ?? event.nul ?? 3", "3")]
    [InlineData("entry.flag ? 'yes' : 'no'", "\"yes\"")]
    [InlineData("entry.meta.missing ? 'yes' : 'no'", "\"no\"")]
    [InlineData("entry.cart.total > 200 ? 'big' : entry.cart.total > 100 ? 'medium' : 'small'", "\"medium\"")]
    [InlineData("true ? 1 : 1 / 0", "1")]
    public void Coalesce_and_conditional(string text, string expected) => Assert.Equal(expected, Expr.EvalJson(text));

    [Theory]
    [InlineData("entry.cart.items[0].sku", "\"a\"")]
    [InlineData("entry.cart.items[1]['qty']", "1")]
    [InlineData("entry.cart.items[5]", "null")]
    [InlineData("entry.meta['odd key']", "\"x\"")]
    [InlineData("entry.meta.n", "null")]
    [InlineData("entry['customer']['id']", "\"c1\"")]
    [InlineData("entry.meta.missing", "null")]
    [InlineData("event.obj.a.deeper", "null")]
    [InlineData("event.list[event.n - 3]", "3")]
    [InlineData("event.obj['a']", "1")]
    [InlineData("[10, 20, 30][1]", "20")]
    [InlineData("coalesce(event.nul, event.obj).a", "1")]
    [InlineData("event.list[event.nul]", "null")]
    [InlineData("entry.tags", "[\"vip\",\"new\"]")]
    [InlineData("[1, entry.cart.total, 'x']", "[1,120.5,\"x\"]")]
    [InlineData("event.obj", "{\"a\":1}")]
    public void Paths_and_indexing(string text, string expected) => Assert.Equal(expected, Expr.EvalJson(text));

    [Theory]
    [InlineData("event.n / event.zero", ExpressionErrorCodes.DivideByZero)]
    [InlineData("event.n % 0", ExpressionErrorCodes.DivideByZero)]
    [InlineData("duration('PT1H') / event.zero", ExpressionErrorCodes.DivideByZero)]
    [InlineData("event.s * 2", ExpressionErrorCodes.Type)]
    [InlineData("event.s && true", ExpressionErrorCodes.Type)]
    [InlineData("event.n || true", ExpressionErrorCodes.Type)]
    [InlineData("false || event.n", ExpressionErrorCodes.Type)]
    [InlineData("!event.n", ExpressionErrorCodes.Type)]
    [InlineData("event.s ? 1 : 2", ExpressionErrorCodes.Type)]
    [InlineData("event.list < 2", ExpressionErrorCodes.Type)]
    [InlineData("event.b > event.b", ExpressionErrorCodes.Type)]
    [InlineData("-event.s", ExpressionErrorCodes.Type)]
    [InlineData("1 in event.n", ExpressionErrorCodes.Type)]
    [InlineData("event.list[-1]", ExpressionErrorCodes.Type)]
    [InlineData("event.bad < now()", ExpressionErrorCodes.BadDate)]
    [InlineData("event.bad == now()", ExpressionErrorCodes.BadDate)]
    [InlineData("now() - event.bad", ExpressionErrorCodes.BadDate)]
    [InlineData("event.bad + duration('PT1H')", ExpressionErrorCodes.BadDate)]
    [InlineData("event.n * 1e308 * 10", ExpressionErrorCodes.Overflow)]
    [InlineData("now() + duration('PT1H') * 1e15", ExpressionErrorCodes.Overflow)]
    public void Run_time_errors_have_codes(string text, string code) => Assert.Equal(code, Expr.RuntimeError(text));

    [Fact]
    public void A_datetime_field_that_does_not_parse_is_a_bad_date_at_run_time()
    {
        var expression = Expr.Compile("entry.occurredAt < now()");
        var context = Expr.Context();
        context.Entry = Expr.Parse("""{"occurredAt":"yesterday"}""");

        var exception = Assert.Throws<ExpressionEvaluationException>(() => expression.Evaluate(context));

        Assert.Equal(ExpressionErrorCodes.BadDate, exception.Code);
        Assert.Contains("yesterday", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_datetime_field_is_null_not_an_error()
    {
        var context = Expr.Context();
        context.Entry = Expr.Parse("{}");

        Assert.True(Expr.Compile("entry.occurredAt == null").Evaluate(context).AsBoolean());
    }

    [Fact]
    public void Undefined_roots_read_as_null()
    {
        var context = new EvaluationContext { Now = Expr.Now };

        Assert.True(Expr.Compile("entry.cart.total == null && !exists(entry.id)").Evaluate(context).AsBoolean());
    }

    [Fact]
    public void Run_time_error_messages_quote_the_failing_part()
    {
        var expression = Expr.Compile("1 + event.s * 2");

        var exception = Assert.Throws<ExpressionEvaluationException>(() => expression.Evaluate(Expr.Context()));

        Assert.Contains("event.s * 2", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lower(entry.customer.tier) == 'gold'", true)]
    [InlineData("lower(entry.customer.tier) != 'gold'", false)]
    [InlineData("'gold' == lower(entry.customer.tier)", true)]
    [InlineData("lower(entry.customer.tier) == 'silver'", false)]
    [InlineData("lower(entry.customer.tier) == 'Gold'", false)]
    [InlineData("upper(entry.customer.tier) == 'GOLD'", true)]
    [InlineData("lower(entry.meta.missing) == 'gold'", false)]
    [InlineData("lower(entry.meta.missing) != 'gold'", true)]
    [InlineData("lower('ÉCOLE') == 'école'", true)]
    [InlineData("lower(event.upper) == 'abc'", true)]
    public void Case_insensitive_comparison_matches_lower_then_compare(string text, bool expected) =>
        Assert.Equal(expected, Expr.Eval(text).AsBoolean());

    [Fact]
    public void Case_insensitive_comparison_of_escaped_or_non_ascii_json_strings()
    {
        var expression = Expr.Compile("lower(entry.customer.tier) == 'gold'");
        var context = Expr.Context();

        context.Entry = Expr.Parse("""{"customer":{"tier":"G\u004FLD"}}""");
        Assert.True(expression.Evaluate(context).AsBoolean());

        // The Kelvin sign lower-cases to an ASCII 'k': the fast path must not be taken for non-ASCII input.
        context.Entry = Expr.Parse("{\"customer\":{\"tier\":\"\u212Aey\"}}");
        Assert.True(Expr.Compile("lower(entry.customer.tier) == 'key'").Evaluate(context).AsBoolean());

        context.Entry = Expr.Parse("""{"customer":{"tier":5}}""");
        Assert.Equal(ExpressionErrorCodes.Type, Assert.Throws<ExpressionEvaluationException>(() => expression.Evaluate(context)).Code);
    }

    [Theory]
    [InlineData("gold", "gold", true)]
    [InlineData("g\\u006Fld", "gold", true)]
    [InlineData("gold", "g\\u006Fld", true)]
    [InlineData("gold", "gol", false)]
    [InlineData("gol", "gold", false)]
    [InlineData("\u00e9t\u00e9", "\\u00e9t\\u00e9", true)]
    [InlineData("a\\\"b", "a\\u0022b", true)]
    [InlineData("a\\\\b", "a\\\\b", true)]
    [InlineData("a\\\\b", "a\\b", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Two_json_strings_compare_by_value_whatever_their_escapes(string entryText, string eventText, bool expected)
    {
        // entryText and eventText are JSON string contents, escapes and all.
        var context = Expr.Context();
        context.Entry = Expr.Parse("{\"customer\":{\"tier\":\"" + entryText + "\"}}");
        context.Event = Expr.Parse("{\"s\":\"" + eventText + "\"}");

        Assert.Equal(expected, Expr.Compile("entry.customer.tier == event.s").Evaluate(context).AsBoolean());
        Assert.Equal(!expected, Expr.Compile("event.s != entry.customer.tier").Evaluate(context).AsBoolean());
    }
}
