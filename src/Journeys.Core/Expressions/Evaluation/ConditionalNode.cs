using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>c ? a : b</c>; a null condition reads as false.</summary>
internal sealed class ConditionalNode(EvalNode condition, EvalNode whenTrue, EvalNode whenFalse) : EvalNode
{
    public override Value Evaluate(EvaluationContext context) =>
        ValueOperations.IsTrue(condition.Evaluate(context), this, "the condition of '?:'")
            ? whenTrue.Evaluate(context)
            : whenFalse.Evaluate(context);
}
