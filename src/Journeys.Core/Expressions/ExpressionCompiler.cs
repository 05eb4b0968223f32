namespace Journeys.Expressions;

/// <summary>
/// Entry point of the expression language: tokenize, parse, type-check against a scope, compile.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>
    /// Compiles <paramref name="text"/>. When <paramref name="expected"/> is given, a result type that cannot be
    /// it (Null and Any are accepted) is an <c>EXPR_TYPE_MISMATCH</c> error.
    /// </summary>
    public static CompileResult Compile(string text, ExpressionScope scope, ExprType? expected = null) => throw new NotImplementedException();
}
