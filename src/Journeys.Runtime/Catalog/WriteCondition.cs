namespace Journeys.Runtime.Catalog;

/// <summary>
/// A compare-and-set precondition evaluated atomically by the store together with the write (stores call
/// <see cref="IsSatisfiedBy"/> inside their transaction). ETags here are the bare opaque tokens, never the quoted
/// header form (see <see cref="ETagHeader"/>). <see cref="Kind"/> is what <c>If-Match</c> (or <c>If-None-Match: *</c>)
/// asks for; <see cref="ExcludedETags"/> is what <c>If-None-Match</c> with entity tags forbids on top of it.
/// </summary>
public readonly record struct WriteCondition(WriteConditionKind Kind, string? ETag)
{
    // Null unless If-Match named more than one tag (then ETag is the first), so that a single-tag condition stays
    // equal to new(ETagMatches, tag) as before lists existed.
    private IReadOnlyList<string>? Alternatives { get; init; }

    // Null unless If-None-Match named entity tags.
    private IReadOnlyList<string>? Excluded { get; init; }

    public static WriteCondition None => new(WriteConditionKind.None, null);

    public static WriteCondition MustExist => new(WriteConditionKind.MustExist, null);

    public static WriteCondition MustNotExist => new(WriteConditionKind.MustNotExist, null);

    /// <summary>For <see cref="WriteConditionKind.ETagMatches"/>: every ETag that satisfies the condition; otherwise empty.</summary>
    public IReadOnlyList<string> ETags => Alternatives ?? (Kind == WriteConditionKind.ETagMatches && ETag is not null ? [ETag] : []);

    /// <summary>ETags the item must not have (<c>If-None-Match: "a", "b"</c>); an absent item has none of them.</summary>
    public IReadOnlyList<string> ExcludedETags => Excluded ?? [];

    public static WriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(WriteConditionKind.ETagMatches, etag);
    }

    /// <summary><c>If-Match: "a", "b"</c>: the item must exist with any one of <paramref name="etags"/> (at least one).</summary>
    public static WriteCondition IfMatchAny(IEnumerable<string> etags)
    {
        ArgumentNullException.ThrowIfNull(etags);
        var list = etags.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("If-Match needs at least one entity tag.", nameof(etags));
        }

        return list.Count == 1
            ? new(WriteConditionKind.ETagMatches, list[0])
            : new WriteCondition(WriteConditionKind.ETagMatches, list[0]) { Alternatives = list };
    }

    /// <summary>This condition, and also: the item must not have any of <paramref name="etags"/> (<c>If-None-Match</c> with tags).</summary>
    public WriteCondition ExceptETags(IEnumerable<string> etags)
    {
        ArgumentNullException.ThrowIfNull(etags);
        var list = ExcludedETags.Concat(etags).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? this : this with { Excluded = list };
    }

    /// <summary>
    /// The condition of a write request with <c>If-Match</c> and/or <c>If-None-Match</c> (null or blank = absent),
    /// read strictly by RFC 9110 §13.1; false when either value is malformed. This is the only reading of the headers:
    /// a value that is not an RFC 9110 list (a bare token such as <c>abc</c>) is refused, never guessed at, so that a
    /// client that believes it sent a precondition never gets an unconditional or wrong one. Both present: both must hold
    /// (RFC 9110 §13.2.2 evaluates If-Match first, and a write fails with 412 when either is false).
    /// </summary>
    public static bool TryFromHeaders(string? ifMatch, string? ifNoneMatch, out WriteCondition condition)
    {
        condition = None;
        var hasIfMatch = !string.IsNullOrWhiteSpace(ifMatch);
        var hasIfNoneMatch = !string.IsNullOrWhiteSpace(ifNoneMatch);
        var matchAny = false;
        var noneMatchAny = false;
        IReadOnlyList<string> match = [];
        IReadOnlyList<string> noneMatch = [];
        if ((hasIfMatch && !ETagHeader.TryParseList(ifMatch, out matchAny, out match))
            || (hasIfNoneMatch && !ETagHeader.TryParseList(ifNoneMatch, out noneMatchAny, out noneMatch)))
        {
            return false;
        }

        condition = !hasIfMatch ? None : matchAny ? MustExist : FromMatchList(match);
        if (noneMatchAny)
        {
            condition = hasIfMatch ? new(WriteConditionKind.Unsatisfiable, null) : MustNotExist;
        }
        else if (hasIfNoneMatch)
        {
            condition = condition.ExceptETags(noneMatch);
        }

        return true;
    }

    /// <summary>Whether an item in this state (absent when <paramref name="currentETag"/> is null) satisfies the condition.</summary>
    public bool IsSatisfiedBy(string? currentETag)
    {
        var kindHolds = Kind switch
        {
            WriteConditionKind.None => true,
            WriteConditionKind.MustExist => currentETag is not null,
            WriteConditionKind.MustNotExist => currentETag is null,
            WriteConditionKind.ETagMatches => currentETag is not null && ETags.Contains(currentETag, StringComparer.Ordinal),
            _ => false,
        };
        return kindHolds && (currentETag is null || !ExcludedETags.Contains(currentETag, StringComparer.Ordinal));
    }

    public bool Equals(WriteCondition other) =>
        Kind == other.Kind
        && string.Equals(ETag, other.ETag, StringComparison.Ordinal)
        && ETags.SequenceEqual(other.ETags, StringComparer.Ordinal)
        && ExcludedETags.SequenceEqual(other.ExcludedETags, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, ETag, ETags.Count, ExcludedETags.Count);

    // Not IfMatch(tag): an empty entity tag ("") is valid syntax; it just matches no stored ETag.
    private static WriteCondition FromMatchList(IReadOnlyList<string> etags) =>
        etags.Count == 1 ? new(WriteConditionKind.ETagMatches, etags[0]) : IfMatchAny(etags);
}
