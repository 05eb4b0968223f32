using Journeys.Model;

namespace Journeys.Expressions;

/// <summary>
/// What the type checker knows about the value under a path: a typed leaf, a closed record whose unknown
/// members are typos (validation errors), or an open value whose members are all <see cref="ExprType.Any"/>.
/// STUB: the expressions work fills this in; the members below are the agreed surface.
/// </summary>
public sealed class Shape
{
    /// <summary>A value of a known type with no declared members (object/array leaves are open).</summary>
    public static Shape Leaf(ExprType type) => throw new NotImplementedException();

    /// <summary>Anything: every member path is allowed and typed <see cref="ExprType.Any"/>.</summary>
    public static Shape Open() => throw new NotImplementedException();

    /// <summary>A closed record; add members with <see cref="With"/>.</summary>
    public static Shape Record() => throw new NotImplementedException();

    /// <summary>Nested closed records built from dotted field paths (<c>"cart.total": number</c>).</summary>
    public static Shape FromFields(IReadOnlyDictionary<string, FieldType>? fields) => throw new NotImplementedException();

    /// <summary>Returns this record with one more member (records only).</summary>
    public Shape With(string member, Shape shape) => throw new NotImplementedException();

    public static ExprType TypeOf(FieldType fieldType) => fieldType switch
    {
        FieldType.String => ExprType.String,
        FieldType.Number => ExprType.Number,
        FieldType.Boolean => ExprType.Boolean,
        FieldType.DateTime => ExprType.DateTime,
        FieldType.Object => ExprType.Object,
        FieldType.Array => ExprType.List,
        _ => ExprType.Any,
    };
}
