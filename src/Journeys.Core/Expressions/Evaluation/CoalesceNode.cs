using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>a ?? b</c>: <c>a</c> unless it is null; <c>b</c> is only evaluated when needed.</summary>
internal sealed class CoalesceNode(EvalNode left, EvalNode right) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var value = left.Evaluate(context);
        return value.IsNull ? right.Evaluate(context) : value;
    }
}
