using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

internal enum BinaryOperator
{
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    In,
    And,
    Or,
    Coalesce,
}
