namespace Journeys.Core.Expressions;

/// <summary>Static type of an expression as the type checker sees it. <see cref="Any"/> is unknown until run time.</summary>
public enum ExprType
{
    Any,
    Null,
    Boolean,
    Number,
    String,
    DateTime,
    Duration,
    List,
    Object,
}
