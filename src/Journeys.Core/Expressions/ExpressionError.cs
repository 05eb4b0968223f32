namespace Journeys.Core.Expressions;

/// <summary>A parse or type error: a stable code, the 0-based character offset and length in the expression text, and a message.</summary>
public sealed record ExpressionError(string Code, int Position, int Length, string Message);
