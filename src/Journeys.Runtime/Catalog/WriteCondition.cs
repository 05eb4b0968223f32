namespace Journeys.Catalog;

/// <summary>
/// A compare-and-set precondition evaluated atomically by the store together with the write. ETags here are
/// the bare opaque tokens, never the quoted header form (see <see cref="ETagHeader"/>).
/// </summary>
public readonly record struct WriteCondition(WriteConditionKind Kind, string? ETag)
{
    public static WriteCondition None => new(WriteConditionKind.None, null);

    public static WriteCondition MustExist => new(WriteConditionKind.MustExist, null);

    public static WriteCondition MustNotExist => new(WriteConditionKind.MustNotExist, null);

    public static WriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(WriteConditionKind.ETagMatches, etag);
    }

    /// <summary>
    /// The condition an <c>If-Match</c> value asks for: null means unconditional, <c>*</c> means "must exist",
    /// anything else is an ETag (quoted or bare, weak prefix tolerated).
    /// </summary>
    public static WriteCondition FromIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return None;
        }

        var etag = ETagHeader.Parse(ifMatch);
        return etag == "*" ? MustExist : IfMatch(etag);
    }

    /// <summary>Whether an item in this state (absent when <paramref name="currentETag"/> is null) satisfies the condition.</summary>
    public bool IsSatisfiedBy(string? currentETag) => Kind switch
    {
        WriteConditionKind.None => true,
        WriteConditionKind.MustExist => currentETag is not null,
        WriteConditionKind.MustNotExist => currentETag is null,
        WriteConditionKind.ETagMatches => currentETag is not null && string.Equals(currentETag, ETag, StringComparison.Ordinal),
        _ => false,
    };
}
