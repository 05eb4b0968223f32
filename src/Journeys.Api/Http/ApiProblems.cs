using System.Text.RegularExpressions;
using Journeys.Api.Problems;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;
using Journeys.Runtime.Catalog;

namespace Journeys.Api.Http;

/// <summary>
/// Maps what the catalog and the request parsing report to RFC 7807 problems. Messages come from the catalog and the
/// validators, which name ids, paths and setting names only, never configuration values.
/// </summary>
public static partial class ApiProblems
{
    public const string IdInvalid = CatalogErrorCodes.IdInvalid;
    public const string BodyNotEvents = "INGEST_BODY_INVALID";
    public const string TooManyEvents = "TOO_MANY_EVENTS";
    public const string ProfileIdInvalid = "PROFILE_ID_INVALID";

    /// <summary>400: an <c>If-Match</c> or <c>If-None-Match</c> value that is neither <c>*</c> nor a list of quoted entity tags.</summary>
    public const string ConditionalHeaderInvalid = "CONDITIONAL_HEADER_INVALID";

    /// <summary>
    /// The problem for a catalog failure, with the HTTP status of its code and, for validation failures, every issue.
    /// <paramref name="invalidStatus"/> is the status of <see cref="CatalogErrorCodes.Invalid"/>: 400 for a body that
    /// does not validate, 409 for publishing a draft that does not (the request is fine, the journey's state is not).
    /// </summary>
    public static ProblemResult FromCatalog(CatalogFailure failure, int invalidStatus = 400)
    {
        ArgumentNullException.ThrowIfNull(failure);
        IReadOnlyList<ContractError> errors = failure.Code switch
        {
            CatalogErrorCodes.Invalid or CatalogErrorCodes.BreaksJourney when failure.Issues.Count > 0 => FromIssues(failure.Issues),
            CatalogErrorCodes.InUse when failure.UsedBy.Count > 0 =>
                failure.UsedBy.Select(j => new ContractError(CatalogErrorCodes.InUse, "$", $"The live version of journey '{j}' uses it.")).ToList(),
            _ => [new ContractError(failure.Code, "$", failure.Message)],
        };
        var status = failure.Code switch
        {
            CatalogErrorCodes.NotFound => 404,
            CatalogErrorCodes.PreconditionFailed => 412,
            CatalogErrorCodes.InUse or CatalogErrorCodes.Conflict or CatalogErrorCodes.BreaksJourney => 409,
            CatalogErrorCodes.Invalid => invalidStatus,
            _ => 400,
        };
        return new ProblemResult(status, failure.Message, errors);
    }

    public static IReadOnlyList<ContractError> FromIssues(IEnumerable<ValidationIssue> issues) =>
        issues.Select(i => new ContractError(i.Code, i.Path, i.Message, i.Node)).ToList();

    /// <summary>A body that could not be read as the contract type: 400 with every error and its JSON path.</summary>
    public static ProblemResult UnreadableBody(IReadOnlyList<ContractError> errors) =>
        new(400, "The request body is not valid.", errors);

    /// <summary>400 when a route id does not match <c>[A-Za-z0-9._-]{1,64}</c>; null when it does.</summary>
    public static ProblemResult? CheckId(string? id) =>
        id is not null && IdRegex().IsMatch(id)
            ? null
            : Problems.Problems.BadRequest(IdInvalid, "$", $"The id '{Truncate(id)}' is not valid: ids are 1 to 64 characters among letters, digits, '.', '_' and '-'.");

    public static ProblemResult NotFound(string what) =>
        new(404, $"There is no {what}.", [new ContractError(CatalogErrorCodes.NotFound, "$", $"There is no {what}.")]);

    private static string Truncate(string? text) => text is null ? string.Empty : text.Length <= 80 ? text : text[..80] + "…";

    [GeneratedRegex(ConfigurationValidator.IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
