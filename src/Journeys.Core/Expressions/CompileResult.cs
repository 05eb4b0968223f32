namespace Journeys.Core.Expressions;

/// <summary>The outcome of compiling an expression: the compiled form, or every error found.</summary>
public sealed class CompileResult
{
    public CompileResult(CompiledExpression? expression, IReadOnlyList<ExpressionError> errors)
    {
        Expression = expression;
        Errors = errors;
    }

    public CompiledExpression? Expression { get; }

    public IReadOnlyList<ExpressionError> Errors { get; }

    public bool Succeeded => Expression is not null && Errors.Count == 0;
}
