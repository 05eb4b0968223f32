using Journeys.Api.Problems;
using Journeys.Core.Serialization;
using Microsoft.AspNetCore.Http;

namespace Journeys.Host.Serving;

/// <summary>
/// The longest request target (path and query) the API takes. Kestrel answers a request line over its own limit
/// with an empty 414 before any middleware runs, so its limit is set far higher and this one, checked in the
/// pipeline, answers with a problem document that names this limit. Request lines over
/// <see cref="KestrelRequestLineSize"/> are refused by Kestrel itself; that answer gets its problem document from
/// <see cref="Rejections.KestrelRejectionListener"/>.
/// </summary>
public static class RequestTargetLimit
{
    public const int MaxTargetLength = 8 * 1024;

    public const int KestrelRequestLineSize = 1024 * 1024;

    /// <summary>The 414 problem when the request's target is too long; null otherwise.</summary>
    public static ProblemResult? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var length = (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        return length <= MaxTargetLength
            ? null
            : new ProblemResult(414, "The URI is too long.", [new ContractError("URI_TOO_LONG", "$", $"The request's path and query are {length} characters; the limit is {MaxTargetLength}.")]);
    }
}
