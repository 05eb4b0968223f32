using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary><c>!x</c>; null reads as false, so <c>!null</c> is true.</summary>
internal sealed class NotNode(EvalNode operand) : EvalNode
{
    public override Value Evaluate(EvaluationContext context) =>
        Value.From(!ValueOperations.IsTrue(operand.Evaluate(context), this, "the operand of '!'"));
}
