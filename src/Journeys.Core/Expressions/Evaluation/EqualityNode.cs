namespace Journeys.Expressions.Evaluation;

/// <summary><c>==</c> and <c>!=</c>.</summary>
internal sealed class EqualityNode(bool negate, EvalNode left, EvalNode right) : EvalNode
{
    public override Value Evaluate(EvaluationContext context) =>
        Value.From(ValueOperations.AreEqual(left.Evaluate(context), right.Evaluate(context), this) != negate);
}
