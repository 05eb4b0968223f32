namespace Journeys.Catalog;

/// <summary>The precondition of a conditional write (HTTP <c>If-Match</c> / <c>If-None-Match</c>).</summary>
public enum WriteConditionKind
{
    /// <summary>No precondition: create or replace.</summary>
    None,

    /// <summary><c>If-Match: *</c>: the item must exist, whatever its ETag.</summary>
    MustExist,

    /// <summary><c>If-None-Match: *</c>: the item must not exist yet.</summary>
    MustNotExist,

    /// <summary><c>If-Match: "tag"</c>: the item must exist with exactly this ETag.</summary>
    ETagMatches,
}
