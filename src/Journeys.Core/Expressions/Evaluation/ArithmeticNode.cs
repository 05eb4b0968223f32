using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// <c>+ - * / %</c>. <paramref name="readsStringAsDateTime"/> is set when a duration meets an operand of unknown
/// type: a string there is then read as an ISO datetime (an undeclared event's timestamp), not joined as text.
/// </summary>
internal sealed class ArithmeticNode(ArithmeticOperator op, EvalNode left, EvalNode right, bool readsStringAsDateTime) : EvalNode
{
    public override Value Evaluate(EvaluationContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        if (readsStringAsDateTime)
        {
            a = AsDateTime(a);
            b = AsDateTime(b);
        }

        return ValueOperations.Arithmetic(a, b, op, this);
    }

    private Value AsDateTime(in Value value) => value.Kind == ValueKind.String
        ? Value.From(new DateTimeOffset(ValueOperations.ToDateTimeTicks(value, this), TimeSpan.Zero))
        : value;
}
