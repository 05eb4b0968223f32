using Journeys.Api.Problems;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.Http;

/// <summary>
/// The <c>If-Match</c> and <c>If-None-Match</c> headers of one request, read strictly by RFC 9110 §13.1 (a malformed
/// value is a 400 <see cref="ApiProblems.ConditionalHeaderInvalid"/> problem, never silently ignored: a client that
/// believes it sent a precondition must not get an unconditional write). Writes hand <see cref="WriteCondition"/> to
/// the store, which checks it atomically with the write; reads evaluate it with <see cref="EvaluateRead"/>.
/// </summary>
public sealed class ConditionalRequest
{
    private ConditionalRequest(WriteCondition write, WriteCondition ifMatch, WriteCondition ifNoneMatch)
    {
        WriteCondition = write;
        IfMatch = ifMatch;
        IfNoneMatch = ifNoneMatch;
    }

    /// <summary>Both headers together: what a PUT or DELETE needs to hold (412 otherwise).</summary>
    public WriteCondition WriteCondition { get; }

    /// <summary>The <c>If-Match</c> part alone (<see cref="WriteCondition.None"/> when absent).</summary>
    public WriteCondition IfMatch { get; }

    /// <summary>The <c>If-None-Match</c> part alone (<see cref="WriteCondition.None"/> when absent).</summary>
    public WriteCondition IfNoneMatch { get; }

    /// <summary>Reads both headers; the problem is set (and the request null) when either value is malformed.</summary>
    public static (ConditionalRequest? Request, ProblemResult? Problem) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ifMatch = Header(request.Headers.IfMatch);
        var ifNoneMatch = Header(request.Headers.IfNoneMatch);
        if (!WriteCondition.TryFromHeaders(ifMatch, null, out var matchPart))
        {
            return (null, Malformed("If-Match", ifMatch!));
        }

        if (!WriteCondition.TryFromHeaders(null, ifNoneMatch, out var noneMatchPart))
        {
            return (null, Malformed("If-None-Match", ifNoneMatch!));
        }

        WriteCondition.TryFromHeaders(ifMatch, ifNoneMatch, out var both);
        return (new ConditionalRequest(both, matchPart, noneMatchPart), null);
    }

    /// <summary>
    /// The answer to a GET of an item whose current ETag is <paramref name="currentETag"/>, in RFC 9110 §13.2.2
    /// order: 412 when <c>If-Match</c> fails, else 304 (with the ETag, no body) when <c>If-None-Match</c> names the
    /// current ETag (or is <c>*</c>), else null: send the item.
    /// </summary>
    public IResult? EvaluateRead(string currentETag)
    {
        if (!IfMatch.IsSatisfiedBy(currentETag))
        {
            return Problems.Problems.PreconditionFailed("If-Match does not name the current ETag.");
        }

        return IfNoneMatch.IsSatisfiedBy(currentETag) ? null : new NotModifiedResult(currentETag);
    }

    private static string? Header(Microsoft.Extensions.Primitives.StringValues values)
    {
        // Several header lines form one comma-separated list (RFC 9110 §5.3).
        var value = values.ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static ProblemResult Malformed(string header, string value) =>
        Problems.Problems.BadRequest(
            ApiProblems.ConditionalHeaderInvalid,
            "$",
            $"The {header} header '{Truncate(value)}' is not valid: send * or a comma-separated list of quoted entity tags, as the ETag header gives them (\"abc\", W/\"abc\").");

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
