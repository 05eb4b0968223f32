namespace Journeys.Runtime.Catalog;

/// <summary>The precondition of a conditional write (HTTP <c>If-Match</c> / <c>If-None-Match</c>).</summary>
public enum WriteConditionKind
{
    /// <summary>No precondition: create or replace.</summary>
    None,

    /// <summary><c>If-Match: *</c>: the item must exist, whatever its ETag.</summary>
    MustExist,

    /// <summary><c>If-None-Match: *</c>: the item must not exist yet.</summary>
    MustNotExist,

    /// <summary><c>If-Match: "tag"</c> or <c>"a", "b"</c>: the item must exist with one of these ETags (<see cref="WriteCondition.ETags"/>).</summary>
    ETagMatches,

    /// <summary>
    /// <c>If-Match</c> together with <c>If-None-Match: *</c>: the first needs the item to exist, the second needs it
    /// absent, so no state satisfies both (RFC 9110 evaluates both; one always fails).
    /// </summary>
    Unsatisfiable,
}
