using System.Collections.Frozen;
using Journeys.Core.Model;

namespace Journeys.Core.Expressions;

/// <summary>
/// What the type checker knows about the value under a path: a typed leaf, a closed record whose unknown
/// members are typos (validation errors), or an open value whose members are all <see cref="ExprType.Any"/>.
/// Immutable: <see cref="With"/> returns a new shape.
/// </summary>
public sealed class Shape
{
    private static readonly FrozenDictionary<string, Shape> NoMembers = FrozenDictionary<string, Shape>.Empty;

    private Shape(ExprType type, bool isOpen, IReadOnlyDictionary<string, Shape> members)
    {
        Type = type;
        IsOpen = isOpen;
        Members = members;
    }

    /// <summary>The static type of the value itself (<see cref="ExprType.Object"/> for a record).</summary>
    public ExprType Type { get; }

    /// <summary>True when members that are not declared are allowed (typed <see cref="ExprType.Any"/>).</summary>
    public bool IsOpen { get; }

    /// <summary>The declared members, by name.</summary>
    public IReadOnlyDictionary<string, Shape> Members { get; }

    /// <summary>True for an object shape: a record (closed or open) whose members can be named.</summary>
    public bool HasMembers => Type is ExprType.Object or ExprType.Any;

    /// <summary>A value of a known type with no declared members (object/array leaves are open).</summary>
    public static Shape Leaf(ExprType type) =>
        new(type, type is ExprType.Any or ExprType.Object or ExprType.List, NoMembers);

    /// <summary>Anything: every member path is allowed and typed <see cref="ExprType.Any"/>.</summary>
    public static Shape Open() => new(ExprType.Any, isOpen: true, NoMembers);

    /// <summary>A closed record; add members with <see cref="With"/>.</summary>
    public static Shape Record() => new(ExprType.Object, isOpen: false, NoMembers);

    /// <summary>
    /// Nested closed records built from dotted field paths (<c>"cart.total": number</c> gives a record
    /// <c>cart { total }</c>). A field declared <c>object</c> that also has declared sub-fields is an open record
    /// with those members typed; a scalar field that also has sub-fields becomes that record.
    /// </summary>
    public static Shape FromFields(IReadOnlyDictionary<string, FieldType>? fields)
    {
        var root = new Builder();
        foreach (var (path, fieldType) in fields ?? new Dictionary<string, FieldType>())
        {
            var node = root;
            foreach (var segment in path.Split('.'))
            {
                node = node.Child(segment);
            }

            node.Declared = fieldType;
        }

        return root.Build();
    }

    /// <summary>Returns this record with one more member (records and open objects only), replacing a namesake.</summary>
    public Shape With(string member, Shape shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        ArgumentNullException.ThrowIfNull(shape);
        if (!HasMembers)
        {
            throw new InvalidOperationException($"A {Type} shape has no members; only records can be given one.");
        }

        var members = new Dictionary<string, Shape>(Members, StringComparer.Ordinal) { [member] = shape };
        return new Shape(Type, IsOpen, members.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The shape of <paramref name="member"/>: declared, or open when this shape is open, or null (a typo).</summary>
    public Shape? Member(string member)
    {
        if (Members.TryGetValue(member, out var shape))
        {
            return shape;
        }

        return IsOpen && Type is not ExprType.List ? Open() : null;
    }

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

    /// <summary>A mutable tree of dotted paths, turned into shapes once complete.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, Builder> _children = new(StringComparer.Ordinal);

        public FieldType? Declared { get; set; }

        public Builder Child(string name)
        {
            if (!_children.TryGetValue(name, out var child))
            {
                child = new Builder();
                _children.Add(name, child);
            }

            return child;
        }

        public Shape Build()
        {
            if (_children.Count == 0)
            {
                return Declared is { } declared ? Leaf(TypeOf(declared)) : Record();
            }

            var members = new Dictionary<string, Shape>(StringComparer.Ordinal);
            foreach (var (name, child) in _children)
            {
                members[name] = child.Build();
            }

            var isOpen = Declared is FieldType.Object;
            return new Shape(ExprType.Object, isOpen, members.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }
}
