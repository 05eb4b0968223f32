using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>==</c> and <c>!=</c>.</summary>
internal sealed class EqualityNode(bool negate, EvalNode left, EvalNode right) : EvalNode
{
    public bool Negate { get; } = negate;

    public EvalNode Left { get; } = left;

    public EvalNode Right { get; } = right;

    public override Value Evaluate(EvaluationContext context) =>
        Value.From(ValueOperations.AreEqual(Left.Evaluate(context), Right.Evaluate(context), this) != Negate);
}
