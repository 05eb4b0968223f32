using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>[a, b]</c> with items computed at run time (a list of constants is folded to a constant).</summary>
internal sealed class ListNode(EvalNode[] items) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var values = new Value[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = items[i].Evaluate(context);
        }

        return Value.FromItems(values);
    }
}
