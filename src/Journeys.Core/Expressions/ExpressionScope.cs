namespace Journeys.Core.Expressions;

/// <summary>
/// The roots an expression may use and their shapes, for the type checker. A root that is not declared is an
/// error (<c>EXPR_UNKNOWN_ROOT</c>). In event-rule mode (<see cref="ForEventRule"/>) bare names are members of
/// the raw event (<c>type == 'cart.abandoned'</c>) and the named roots are not available. Immutable.
/// </summary>
public sealed class ExpressionScope
{
    private static readonly int RootCount = Enum.GetValues<ExpressionRoot>().Length;

    private readonly Shape?[] _roots;

    private ExpressionScope(Shape?[] roots, Shape? eventRuleShape)
    {
        _roots = roots;
        EventRuleShape = eventRuleShape;
    }

    /// <summary>An empty scope: only literals and functions.</summary>
    public static ExpressionScope Empty { get; } = new(new Shape?[RootCount], null);

    /// <summary>The raw event's shape in event-rule mode; null otherwise.</summary>
    public Shape? EventRuleShape { get; }

    /// <summary>True in event-rule mode: bare names read the raw event.</summary>
    public bool IsEventRule => EventRuleShape is not null;

    /// <summary>Scope for an event definition's match/profileId/eventKey: bare names read the raw event.</summary>
    public static ExpressionScope ForEventRule(Shape eventShape)
    {
        ArgumentNullException.ThrowIfNull(eventShape);
        return new ExpressionScope(new Shape?[RootCount], eventShape);
    }

    /// <summary>Returns a scope with one more root declared (replacing its shape when already declared).</summary>
    public ExpressionScope With(ExpressionRoot root, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var roots = (Shape?[])_roots.Clone();
        roots[(int)root] = shape;
        return new ExpressionScope(roots, EventRuleShape);
    }

    /// <summary>The declared shape of <paramref name="root"/>, or null when the root is not available here.</summary>
    public Shape? Find(ExpressionRoot root) => _roots[(int)root];

    /// <summary>The roots available here, in declaration order of the enum.</summary>
    public IEnumerable<ExpressionRoot> Roots =>
        Enum.GetValues<ExpressionRoot>().Where(root => _roots[(int)root] is not null);
}
