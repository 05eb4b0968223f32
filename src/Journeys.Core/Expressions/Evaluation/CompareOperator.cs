namespace Journeys.Expressions.Evaluation;

internal enum CompareOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
