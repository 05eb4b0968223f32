using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

internal enum UnaryOperator
{
    Not,
    Negate,
}
