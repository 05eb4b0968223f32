namespace Journeys.Expressions;

/// <summary>
/// The roots an expression may use and their shapes, for the type checker. A root that is not declared is an
/// error (<c>EXPR_UNKNOWN_ROOT</c>). In event-rule mode (<see cref="ForEventRule"/>) bare names are members of
/// the raw event (<c>type == 'cart.abandoned'</c>).
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public sealed class ExpressionScope
{
    /// <summary>An empty scope: only literals and functions.</summary>
    public static ExpressionScope Empty => throw new NotImplementedException();

    /// <summary>Scope for an event definition's match/profileId/eventKey: bare names read the raw event.</summary>
    public static ExpressionScope ForEventRule(Shape eventShape) => throw new NotImplementedException();

    /// <summary>Returns a scope with one more root declared.</summary>
    public ExpressionScope With(ExpressionRoot root, Shape shape) => throw new NotImplementedException();
}
