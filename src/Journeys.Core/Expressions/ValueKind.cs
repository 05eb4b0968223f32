namespace Journeys.Core.Expressions;

/// <summary>Run-time kind of a <see cref="Value"/>.</summary>
public enum ValueKind
{
    Null,
    Boolean,
    Number,
    String,
    DateTime,
    Duration,
    List,
    Object,
}
