using Journeys.Core.Serialization;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.Problems;

/// <summary>The problem responses the API gives, one factory per status, each with a stable code.</summary>
public static class Problems
{
    public static ProblemResult BadRequest(IReadOnlyList<ContractError> errors) =>
        new(400, "The request is not valid.", errors);

    public static ProblemResult BadRequest(string code, string path, string message) =>
        BadRequest([new ContractError(code, path, message)]);

    public static ProblemResult Unauthorized() =>
        new(401, "A valid API key is required.", [new ContractError("UNAUTHORIZED", "$", "Send the key in the x-api-key header.")]);

    /// <summary>
    /// The ingest key on a management route is a wrong key for that route (401, as the contract keeps the two keys
    /// apart), with a message that says which key is needed.
    /// </summary>
    public static ProblemResult AdminKeyRequired() =>
        new(401, "This route needs the admin key.", [new ContractError("ADMIN_KEY_REQUIRED", "$", "The ingest key may only ingest events; management routes need the admin key.")]);

    public static ProblemResult NotFound(string what, string id) =>
        new(404, $"No {what} '{id}'.", [new ContractError("NOT_FOUND", "$", $"There is no {what} with id '{id}'.")]);

    public static ProblemResult Conflict(string title, IReadOnlyList<ContractError> errors) =>
        new(409, title, errors);

    public static ProblemResult PreconditionFailed(string message) =>
        new(412, "The resource has changed.", [new ContractError("PRECONDITION_FAILED", "$", message)]);

    public static ProblemResult PayloadTooLarge(long limit) =>
        new(413, "The request body is too large.", [new ContractError("PAYLOAD_TOO_LARGE", "$", $"Request bodies are limited to {limit} bytes.")]);

    public static ProblemResult UnsupportedMediaType() =>
        new(415, "The request body must be JSON.", [new ContractError("UNSUPPORTED_MEDIA_TYPE", "$", "Send Content-Type: application/json.")]);

    /// <summary>415 for a JSON media type in a charset other than UTF-8: the type is right, the charset is what to change.</summary>
    public static ProblemResult UnsupportedCharset(string charset) =>
        new(415, "The request body must be UTF-8.", [new ContractError(
            "UNSUPPORTED_MEDIA_TYPE", "$", $"The body is declared as charset '{charset}', but JSON is read as UTF-8 only: encode it in UTF-8 and send Content-Type: application/json; charset=utf-8 (or no charset).")]);

    /// <summary>
    /// What escaped a handler, as both hosts answer it: the server's own request errors keep their status (a body over
    /// the server's limit is <see cref="PayloadTooLarge"/> with <paramref name="serverBodyLimit"/>); anything else is a
    /// 500 whose text stays in the log, because an exception message may carry internals (paths, SQL, configuration).
    /// </summary>
    public static ProblemResult Unhandled(Exception exception, long? serverBodyLimit) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => PayloadTooLarge(serverBodyLimit ?? 0),
        BadHttpRequestException bad => new(bad.StatusCode, "The request is not valid.", [new ContractError("BAD_REQUEST", "$", "The server could not read the request.")]),
        _ => new(500, "An unexpected error occurred.", [new ContractError("INTERNAL_ERROR", "$", "The host could not complete the request; see its log.")]),
    };

    public static ProblemResult Unavailable(string message) =>
        new(503, "The service is not available.", [new ContractError("UNAVAILABLE", "$", message)]);
}
