namespace Journeys.Core.Expressions;

/// <summary>
/// The stable codes of expression errors, at compile time (<see cref="ExpressionError.Code"/>) and at run time
/// (<see cref="ExpressionEvaluationException.Code"/>). Clients and tests match on these, never on messages.
/// </summary>
public static class ExpressionErrorCodes
{
    /// <summary>Unexpected token or end of text, an empty placeholder, a bad escape.</summary>
    public const string Syntax = "EXPR_SYNTAX";

    public const string UnterminatedString = "EXPR_UNTERMINATED_STRING";

    /// <summary>A template placeholder (<c>{{</c> or <c>{</c>) that is never closed.</summary>
    public const string UnterminatedPlaceholder = "EXPR_UNTERMINATED_PLACEHOLDER";

    public const string UnknownRoot = "EXPR_UNKNOWN_ROOT";

    /// <summary>A member not declared in a closed record: almost always a typo.</summary>
    public const string UnknownField = "EXPR_UNKNOWN_FIELD";

    public const string UnknownFunction = "EXPR_UNKNOWN_FUNCTION";

    public const string Arity = "EXPR_ARITY";

    /// <summary>Operand or argument types that can never work (compile time), or did not (run time).</summary>
    public const string Type = "EXPR_TYPE";

    /// <summary>The result type cannot be the type the caller expects (a condition that is not a boolean).</summary>
    public const string TypeMismatch = "EXPR_TYPE_MISMATCH";

    /// <summary>A constant argument that can never be valid: <c>duration('P1X')</c>, <c>date('nope')</c>.</summary>
    public const string BadLiteral = "EXPR_BAD_LITERAL";

    public const string TooLong = "EXPR_TOO_LONG";

    public const string TooDeep = "EXPR_TOO_DEEP";

    public const string DivideByZero = "EXPR_DIVIDE_BY_ZERO";

    public const string BadDate = "EXPR_BAD_DATE";

    public const string BadDuration = "EXPR_BAD_DURATION";

    public const string BadTimeZone = "EXPR_BAD_TIMEZONE";

    /// <summary><c>toNumber</c> of a string that is not a number.</summary>
    public const string BadNumber = "EXPR_BAD_NUMBER";

    /// <summary>An argument outside its range at run time (<c>round(n, 99)</c>).</summary>
    public const string BadArgument = "EXPR_BAD_ARGUMENT";

    /// <summary>Arithmetic whose result is not a finite number, datetime or duration.</summary>
    public const string Overflow = "EXPR_OVERFLOW";
}
