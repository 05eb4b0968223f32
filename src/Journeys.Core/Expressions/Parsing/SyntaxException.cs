using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

/// <summary>
/// Stops the tokenizer or parser at the first syntax error; never escapes <see cref="Parser.Parse"/>, which
/// turns it into an <see cref="ExpressionError"/>.
/// </summary>
internal sealed class SyntaxException : Exception
{
    public SyntaxException()
    {
        Error = new ExpressionError(ExpressionErrorCodes.Syntax, 0, 0, "Syntax error.");
    }

    public SyntaxException(string message)
        : base(message)
    {
        Error = new ExpressionError(ExpressionErrorCodes.Syntax, 0, 0, message);
    }

    public SyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ExpressionError(ExpressionErrorCodes.Syntax, 0, 0, message);
    }

    public SyntaxException(ExpressionError error)
        : base(error.Message)
    {
        Error = error;
    }

    public ExpressionError Error { get; }
}
