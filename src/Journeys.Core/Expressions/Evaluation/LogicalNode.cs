using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>&amp;&amp;</c> and <c>||</c>, short-circuiting; null reads as false.</summary>
internal sealed class LogicalNode(bool isAnd, EvalNode left, EvalNode right) : EvalNode
{
    public bool IsAnd { get; } = isAnd;

    public EvalNode Left { get; } = left;

    public EvalNode Right { get; } = right;

    public override Value Evaluate(EvaluationContext context)
    {
        var role = IsAnd ? "each side of '&&'" : "each side of '||'";
        var first = ValueOperations.IsTrue(Left.Evaluate(context), this, role);
        if (first != IsAnd)
        {
            return Value.From(first);
        }

        return Value.From(ValueOperations.IsTrue(Right.Evaluate(context), this, role));
    }
}
