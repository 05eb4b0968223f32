using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>x[i]</c> where the index or the target is only known at run time.</summary>
internal sealed class IndexNode(EvalNode target, EvalNode index) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var value = target.Evaluate(context);
        return ValueOperations.Index(value, index.Evaluate(context), this);
    }
}
