using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// A node of a compiled expression. Compiled once, evaluated many times from many threads: nodes are immutable,
/// evaluate without boxing and read nothing but the <see cref="EvaluationContext"/>.
/// </summary>
internal abstract class EvalNode
{
    /// <summary>The expression text this node was compiled from, quoted in run-time error messages.</summary>
    public string Source { get; set; } = string.Empty;

    public abstract Value Evaluate(EvaluationContext context);

    /// <summary>A run-time error that names the failing part of the expression.</summary>
    protected ExpressionEvaluationException Fail(string code, string message) => new(code, $"In '{Source}': {message}");
}
