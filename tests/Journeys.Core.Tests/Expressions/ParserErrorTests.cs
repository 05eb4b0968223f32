using Journeys.Core.Expressions;

namespace Journeys.Core.Tests.Expressions;

public class ParserErrorTests
{
    [Theory]
    [InlineData("1 +", ExpressionErrorCodes.Syntax, 3, 0)]
    [InlineData("(1 + 2", ExpressionErrorCodes.Syntax, 6, 0)]
    [InlineData("entry.cart.total > > 1", ExpressionErrorCodes.Syntax, 19, 1)]
    [InlineData("entry.", ExpressionErrorCodes.Syntax, 6, 0)]
    [InlineData("entry.1", ExpressionErrorCodes.Syntax, 6, 1)]
    [InlineData("lower(entry.id", ExpressionErrorCodes.Syntax, 14, 0)]
    [InlineData("lower(entry.id,)", ExpressionErrorCodes.Syntax, 15, 1)]
    [InlineData("1 2", ExpressionErrorCodes.Syntax, 2, 1)]
    [InlineData("entry.cart.total # 1", ExpressionErrorCodes.Syntax, 17, 1)]
    [InlineData("entry.id = 'x'", ExpressionErrorCodes.Syntax, 9, 1)]
    [InlineData("a & b", ExpressionErrorCodes.Syntax, 2, 1)]
    [InlineData("[1, 2", ExpressionErrorCodes.Syntax, 5, 0)]
    [InlineData("", ExpressionErrorCodes.Syntax, 0, 0)]
    [InlineData("   ", ExpressionErrorCodes.Syntax, 3, 0)]
    [InlineData("entry.id.lower()", ExpressionErrorCodes.Syntax, 14, 1)]
    [InlineData("true ? 1", ExpressionErrorCodes.Syntax, 8, 0)]
    [InlineData("'abc", ExpressionErrorCodes.UnterminatedString, 0, 4)]
    [InlineData("1 + \"abc", ExpressionErrorCodes.UnterminatedString, 4, 4)]
    [InlineData("'ab\\'", ExpressionErrorCodes.UnterminatedString, 0, 5)]
    [InlineData("'a\\qb'", ExpressionErrorCodes.Syntax, 2, 2)]
    [InlineData("1e999", ExpressionErrorCodes.BadLiteral, 0, 5)]
    public void Syntax_errors_point_at_the_offending_text(string text, string code, int position, int length)
    {
        var error = Expr.Error(text);

        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
        Assert.Equal(length, error.Length);
    }

    [Fact]
    public void Unexpected_token_message_names_what_was_found()
    {
        var error = Expr.Error("entry.cart.total > > 1");

        Assert.Contains("'>'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_4096_characters_is_refused()
    {
        var text = "1" + string.Concat(Enumerable.Repeat(" + 1", 1024));
        Assert.Equal(4097, text.Length);

        var error = Expr.Error(text);

        Assert.Equal(ExpressionErrorCodes.TooLong, error.Code);
        Assert.Equal(4096, error.Position);
        Assert.Equal(1, error.Length);
    }

    [Fact]
    public void Text_of_exactly_4096_characters_is_accepted()
    {
        var text = "'" + new string('x', 4094) + "'";

        Assert.Equal(4094, Expr.Compile(text).Evaluate(Expr.Context()).AsString().Length);
    }

    [Fact]
    public void Nesting_of_64_levels_is_accepted_and_65_is_too_deep()
    {
        static string Nested(int depth) => new string('(', depth) + "1" + new string(')', depth);

        Assert.Equal(1, Expr.Compile(Nested(64)).Evaluate(Expr.Context()).AsNumber());

        var error = Expr.Error(Nested(65));
        Assert.Equal(ExpressionErrorCodes.TooDeep, error.Code);
        Assert.Equal(64, error.Position);
        Assert.Equal(1, error.Length);
    }

    [Fact]
    public void Deep_unary_chains_are_too_deep()
    {
        var error = Expr.Error(new string('!', 65) + "true");

        Assert.Equal(ExpressionErrorCodes.TooDeep, error.Code);
        Assert.Equal(64, error.Position);
    }

    [Theory]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'a\\nb\\tc'", "a\nb\tc")]
    [InlineData("'\\u00e9'", "é")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("'back\\\\slash'", "back\\slash")]
    public void String_literals_decode_escapes(string text, string expected) =>
        Assert.Equal(expected, Expr.Eval(text).AsString());

    [Theory]
    [InlineData("1 + 2 == 3 && 4 > 3 || false", true)]
    [InlineData("!false && false", false)]
    [InlineData("null ?? 1 == 1", true)]
    [InlineData("1 in [1] && 2 in [2]", true)]
    [InlineData("-2 * -3 == 6", true)]
    [InlineData("true ? false : true ? true : true", false)]
    public void Precedence_follows_the_spec(string text, bool expected) => Assert.Equal(expected, Expr.Eval(text).AsBoolean());
}
