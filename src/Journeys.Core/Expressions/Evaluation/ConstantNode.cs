using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>A literal, or a part folded to a constant at compile time (<c>duration('PT1H')</c>, <c>[1, 2]</c>).</summary>
internal sealed class ConstantNode(Value value) : EvalNode
{
    public Value Value { get; } = value;

    public override Value Evaluate(EvaluationContext context) => Value;
}
