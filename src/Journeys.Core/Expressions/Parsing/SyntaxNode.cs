using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Parsing;

// The syntax tree is a closed family of small records, kept together so the whole grammar reads in one place.
// Every node knows its span (0-based position and length) in the expression text, for precise errors.

/// <summary>A node of the syntax tree.</summary>
internal abstract record SyntaxNode(int Position, int Length)
{
    public int End => Position + Length;
}

/// <summary><c>'text'</c>, <c>12.5</c>, <c>true</c>, <c>null</c>.</summary>
internal sealed record LiteralSyntax(int Position, int Length, Value Value) : SyntaxNode(Position, Length);

/// <summary><c>[a, b]</c>.</summary>
internal sealed record ListSyntax(int Position, int Length, IReadOnlyList<SyntaxNode> Items) : SyntaxNode(Position, Length);

/// <summary>A bare name: a root (<c>entry</c>) or, in event-rule mode, a member of the event.</summary>
internal sealed record NameSyntax(int Position, int Length, string Name) : SyntaxNode(Position, Length);

/// <summary><c>target.name</c>.</summary>
internal sealed record MemberSyntax(int Position, int Length, SyntaxNode Target, string Name, int NamePosition)
    : SyntaxNode(Position, Length);

/// <summary><c>target[index]</c>.</summary>
internal sealed record IndexSyntax(int Position, int Length, SyntaxNode Target, SyntaxNode Index) : SyntaxNode(Position, Length);

/// <summary><c>name(arguments)</c>; the name spans <paramref name="Name"/>'s length from <paramref name="Position"/>.</summary>
internal sealed record CallSyntax(int Position, int Length, string Name, IReadOnlyList<SyntaxNode> Arguments)
    : SyntaxNode(Position, Length);

/// <summary><c>!x</c>, <c>-x</c>.</summary>
internal sealed record UnarySyntax(int Position, int Length, UnaryOperator Operator, SyntaxNode Operand) : SyntaxNode(Position, Length);

/// <summary><c>left op right</c>; the operator's own span is kept for errors about the operator.</summary>
internal sealed record BinarySyntax(
    int Position,
    int Length,
    BinaryOperator Operator,
    SyntaxNode Left,
    SyntaxNode Right,
    int OperatorPosition,
    int OperatorLength) : SyntaxNode(Position, Length);

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed record ConditionalSyntax(int Position, int Length, SyntaxNode Condition, SyntaxNode WhenTrue, SyntaxNode WhenFalse)
    : SyntaxNode(Position, Length);
