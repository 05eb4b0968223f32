using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
