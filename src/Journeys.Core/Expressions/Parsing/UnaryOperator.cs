namespace Journeys.Expressions.Parsing;

internal enum UnaryOperator
{
    Not,
    Negate,
}
