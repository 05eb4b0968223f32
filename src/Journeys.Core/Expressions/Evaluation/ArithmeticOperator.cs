namespace Journeys.Expressions.Evaluation;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
