using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

internal enum CompareOperator
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
