using Journeys.Core.Expressions;
using Journeys.Core.Expressions.Evaluation;

namespace Journeys.Core.Routing;

/// <summary>
/// A necessary condition read off an event definition's <c>match</c>: a top-level field of the event must hold
/// exactly this string (<c>type == 'cart.abandoned'</c>, alone or as one operand of a chain of <c>&amp;&amp;</c>).
/// An event whose field does not hold the literal cannot match, so the classifier indexes definitions by it and
/// evaluates only the candidates' <c>match</c>.
/// </summary>
public sealed record MatchKey(string Field, string Literal)
{
    /// <summary>The key implied by <paramref name="match"/>, or null when its shape implies none.</summary>
    public static MatchKey? Find(CompiledExpression match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Find(match.Root);
    }

    private static MatchKey? Find(EvalNode node)
    {
        switch (node)
        {
            // `a && b` is true only when both sides are true, so a key of either side is a key of the whole. (An `||`
            // or a `!=` implies nothing.)
            case LogicalNode { IsAnd: true } and:
                return Find(and.Left) ?? Find(and.Right);
            case EqualityNode { Negate: false } equality:
                return FromOperands(equality.Left, equality.Right) ?? FromOperands(equality.Right, equality.Left);
            default:
                return null;
        }
    }

    private static MatchKey? FromOperands(EvalNode field, EvalNode literal)
    {
        // Only a plain string on a plain top-level field compares as ordinal text equality: a field declared as a
        // datetime reads ISO text as an instant (so '2024-01-01T00:00:00Z' equals '2024-01-01T00:00Z'), and a
        // nested path or a computed value is not what the index looks up.
        if (field is PathNode { Root: ExpressionRoot.Event, ReadsDateTime: false, Segments: [{ Name: { } name }] }
            && literal is ConstantNode { Value.Kind: ValueKind.String } constant)
        {
            return new MatchKey(name, constant.Value.AsString());
        }

        return null;
    }
}
