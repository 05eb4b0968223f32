using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>Unary <c>-x</c> of a number or duration; null stays null.</summary>
internal sealed class NegateNode(EvalNode operand) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var value = operand.Evaluate(context);
        return value.Kind switch
        {
            ValueKind.Null => value,
            ValueKind.Number => Value.From(-value.AsNumber()),
            ValueKind.Duration when value.AsDuration() != TimeSpan.MinValue => Value.From(-value.AsDuration()),
            _ => throw Fail(ExpressionErrorCodes.Type, $"'-' negates a number or a duration, not {Value.DescribeWithArticle(value.Kind)}."),
        };
    }
}
