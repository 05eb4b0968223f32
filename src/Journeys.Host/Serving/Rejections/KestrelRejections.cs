using Journeys.Api.Problems;
using Journeys.Core.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using KestrelServerLimits = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits;

namespace Journeys.Host.Serving.Rejections;

/// <summary>
/// The problem document for a request Kestrel refuses itself (<see cref="BadHttpRequestException"/>): the status stays
/// Kestrel's, the code and message say what was wrong. Kestrel's rejection reason is internal; its messages are not
/// localised and name the reason, so they are matched by their start, and anything unknown still gets a problem with
/// a code for its status.
/// </summary>
internal static class KestrelRejections
{
    /// <summary>The problem for <paramref name="rejection"/>; the limits make the messages name the numbers in force.</summary>
    public static ProblemResult ToProblem(BadHttpRequestException rejection, KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        ArgumentNullException.ThrowIfNull(limits);
        var status = rejection.StatusCode;
        var (code, message) = Describe(rejection.Message, limits) ?? ForStatus(status);
        return new ProblemResult(status, ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request is not valid.", [new ContractError(code, "$", message)]);
    }

    private static (string Code, string Message)? Describe(string kestrelMessage, KestrelServerLimits limits)
    {
        bool Starts(string prefix) => kestrelMessage.StartsWith(prefix, StringComparison.Ordinal);

        if (Starts("Invalid request target"))
        {
            return ("INVALID_REQUEST_TARGET", "The request's path or query holds what no URL may carry, such as a percent-encoded NUL (%00) or a control character. Percent-encode the path as UTF-8 and leave NUL out.");
        }

        if (Starts("Invalid request line"))
        {
            return ("INVALID_REQUEST_LINE", "The request line is not 'METHOD /path HTTP/1.1': a part is missing or holds a character that is not allowed there (control characters, spaces, non-ASCII bytes must be percent-encoded).");
        }

        if (Starts("Invalid Host header") || Starts("Multiple Host headers") || Starts("Request is missing Host header"))
        {
            return ("INVALID_HOST_HEADER", "An HTTP/1.1 request needs exactly one Host header whose value is host[:port] (and matches an absolute request target).");
        }

        if (Starts("Invalid request header") || Starts("Invalid characters in header name") || Starts("Malformed request: invalid headers") || Starts("Invalid request headers"))
        {
            return ("INVALID_REQUEST_HEADER", "A header line is malformed: no colon, a character that is not allowed in a name or value, or a line not ended by CRLF.");
        }

        if (Starts("Invalid content length") || Starts("Multiple Content-Length"))
        {
            return ("INVALID_CONTENT_LENGTH", "Content-Length must be one non-negative integer.");
        }

        if (Starts("Request contains too many headers"))
        {
            return ("TOO_MANY_HEADERS", $"The request has more than {limits.MaxRequestHeaderCount} headers.");
        }

        if (Starts("Request headers too long"))
        {
            return ("HEADERS_TOO_LARGE", $"The request's headers are over {limits.MaxRequestHeadersTotalSize} bytes together.");
        }

        if (Starts("Request line too long"))
        {
            return ("URI_TOO_LONG", $"The request line is over {limits.MaxRequestLineSize} bytes.");
        }

        if (Starts("Unrecognized HTTP version"))
        {
            return ("HTTP_VERSION_NOT_SUPPORTED", "This endpoint serves HTTP/1.1 (and HTTP/1.0).");
        }

        if (Starts("Detected a TLS handshake"))
        {
            return ("TLS_NOT_SUPPORTED", "This endpoint speaks plain HTTP: use an http:// URL.");
        }

        return null;
    }

    private static (string Code, string Message) ForStatus(int status) => status switch
    {
        StatusCodes.Status405MethodNotAllowed => ("METHOD_NOT_ALLOWED", "The server does not accept this method here."),
        StatusCodes.Status408RequestTimeout => ("REQUEST_TIMEOUT", "The request did not arrive in time."),
        StatusCodes.Status411LengthRequired => ("LENGTH_REQUIRED", "A request with a body needs a Content-Length (or chunked transfer coding on HTTP/1.1)."),
        StatusCodes.Status413PayloadTooLarge => ("PAYLOAD_TOO_LARGE", "The request body is larger than the server accepts."),
        StatusCodes.Status414UriTooLong => ("URI_TOO_LONG", "The request line is longer than the server accepts."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("HEADERS_TOO_LARGE", "The request's headers are larger than the server accepts."),
        StatusCodes.Status505HttpVersionNotsupported => ("HTTP_VERSION_NOT_SUPPORTED", "This endpoint serves HTTP/1.1 (and HTTP/1.0)."),
        _ => ("BAD_REQUEST", "The server could not read the request."),
    };
}
