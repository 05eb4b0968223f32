using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>&lt; &lt;= &gt; &gt;=</c>.</summary>
internal sealed class CompareNode(CompareOperator op, EvalNode left, EvalNode right) : EvalNode
{
    public override Value Evaluate(EvaluationContext context) =>
        Value.From(ValueOperations.Compare(left.Evaluate(context), right.Evaluate(context), op, this));
}
