using Journeys.Core.Expressions.Binding;
using Journeys.Core.Expressions.Parsing;

namespace Journeys.Core.Expressions;

/// <summary>
/// Entry point of the expression language: tokenize, parse, type-check against a scope, compile.
/// </summary>
public static class ExpressionCompiler
{
    /// <summary>
    /// Compiles <paramref name="text"/>. When <paramref name="expected"/> is given, a result type that cannot be
    /// it (Null and Any are accepted) is an <c>EXPR_TYPE_MISMATCH</c> error.
    /// </summary>
    public static CompileResult Compile(string text, ExpressionScope scope, ExprType? expected = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scope);
        var (tree, syntaxError) = Parser.Parse(text);
        if (tree is null)
        {
            return new CompileResult(null, [syntaxError!]);
        }

        var (result, binder) = Binder.Bind(text, tree, scope);
        var errors = binder.Errors;
        if (expected is { } wanted && wanted != ExprType.Any && result.Type != wanted && result.Type is not (ExprType.Any or ExprType.Null))
        {
            var hint = wanted == ExprType.DateTime && result.Type == ExprType.String ? " Read a string as a datetime with date(...)." : string.Empty;
            errors.Add(new ExpressionError(
                ExpressionErrorCodes.TypeMismatch,
                tree.Position,
                tree.Length,
                $"Expected a {Binder.Describe(wanted)} here, but the expression gives a {Binder.Describe(result.Type)}.{hint}"));
        }

        if (errors.Count > 0)
        {
            return new CompileResult(null, [.. errors.OrderBy(error => error.Position)]);
        }

        return new CompileResult(new CompiledExpression(text, result.Node, result.Type, binder.DataReferences), []);
    }
}
