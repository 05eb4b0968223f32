using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

/// <summary>One token: its kind and span in the text; <paramref name="Text"/> is an identifier's name or a string's decoded value.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, int Length, string? Text = null, double Number = 0);
