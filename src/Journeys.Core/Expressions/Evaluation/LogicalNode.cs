namespace Journeys.Expressions.Evaluation;

/// <summary><c>&amp;&amp;</c> and <c>||</c>, short-circuiting; null reads as false.</summary>
internal sealed class LogicalNode(bool isAnd, EvalNode left, EvalNode right) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var role = isAnd ? "each side of '&&'" : "each side of '||'";
        var first = ValueOperations.IsTrue(left.Evaluate(context), this, role);
        if (first != isAnd)
        {
            return Value.From(first);
        }

        return Value.From(ValueOperations.IsTrue(right.Evaluate(context), this, role));
    }
}
