namespace Journeys.Core.Expressions;

/// <summary>
/// Raised when an expression fails at run time (a type error the checker could not see, a bad date string).
/// The engine turns it into an error step event; it never escapes a host.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException()
    {
        Code = "EXPR_RUNTIME";
    }

    public ExpressionEvaluationException(string message)
        : base(message)
    {
        Code = "EXPR_RUNTIME";
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "EXPR_RUNTIME";
    }

    public ExpressionEvaluationException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
