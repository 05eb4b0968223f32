using System.Text;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>One static step of a path: a member name (pre-encoded as UTF-8 for allocation-free lookup) or a list index.</summary>
internal readonly struct PathSegment
{
    private PathSegment(string? name, int index)
    {
        Name = name;
        Utf8Name = name is null ? null : Encoding.UTF8.GetBytes(name);
        Index = index;
    }

    public string? Name { get; }

    public byte[]? Utf8Name { get; }

    public int Index { get; }

    public static PathSegment Member(string name) => new(name, -1);

    public static PathSegment Item(int index) => new(null, index);
}
