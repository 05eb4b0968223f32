namespace Journeys.Expressions.Evaluation;

/// <summary><c>+ - * / %</c>.</summary>
internal sealed class ArithmeticNode(ArithmeticOperator op, EvalNode left, EvalNode right) : EvalNode
{
    public override Value Evaluate(EvaluationContext context) =>
        ValueOperations.Arithmetic(left.Evaluate(context), right.Evaluate(context), op, this);
}
