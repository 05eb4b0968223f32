using FsCheck;
using FsCheck.Fluent;
using Journeys.Core.Expressions;

namespace Journeys.Core.Tests.Expressions;

public class ParserPropertyTests
{
    private static readonly string[] Fragments =
    [
        "entry", "event", ".", "cart", "total", "[", "]", "(", ")", "'", "\"", "\\", "1", "2.5", "e9", "+", "-", "*", "/",
        "%", "<", "<=", ">", "==", "!=", "!", "&&", "||", "??", "?", ":", ",", "in", "null", "true", "lower", "min",
        "duration", "'PT1H'", "date", "now", "exists", " ", "x", "{", "}", "=", "&", "|", "#", "é",
    ];

    [Fact]
    public void Compiling_random_text_returns_errors_and_never_throws()
    {
        var text = ArbMap.Default.ArbFor<string>().Filter(text => text is not null);

        Prop.ForAll(text, Survives).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compiling_and_evaluating_random_token_soup_never_throws_anything_unexpected()
    {
        var soup = Gen.ArrayOf(Gen.Elements(Fragments)).Select(string.Concat).ToArbitrary();

        Prop.ForAll(soup, Survives).QuickCheckThrowOnFailure();
    }

    private static bool Survives(string text)
    {
        var result = ExpressionCompiler.Compile(text, Expr.Scope);
        if (!result.Succeeded)
        {
            return result.Errors.Count > 0
                && result.Errors.All(error => error.Position >= 0 && error.Position + error.Length <= Math.Max(text.Length, error.Position));
        }

        try
        {
            result.Expression!.Evaluate(Expr.Context());
        }
        catch (ExpressionEvaluationException exception)
        {
            return exception.Code.StartsWith("EXPR_", StringComparison.Ordinal) && exception.Code != "EXPR_RUNTIME";
        }

        return true;
    }
}
