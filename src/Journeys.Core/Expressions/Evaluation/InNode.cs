using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>item in container</c>.</summary>
internal sealed class InNode(EvalNode item, EvalNode container) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var value = item.Evaluate(context);
        return Value.From(ValueOperations.Contains(container.Evaluate(context), value, this));
    }
}
