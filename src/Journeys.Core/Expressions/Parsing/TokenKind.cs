using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

internal enum TokenKind
{
    End,
    Number,
    String,
    Identifier,
    True,
    False,
    Null,
    In,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
    Question,
    Colon,
    Bang,
    Minus,
    Plus,
    Star,
    Slash,
    Percent,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    BangEqual,
    AndAnd,
    OrOr,
    QuestionQuestion,
}
