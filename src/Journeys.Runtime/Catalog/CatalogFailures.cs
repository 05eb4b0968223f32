using System.Text.RegularExpressions;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>The failures both catalogs answer alike: invalid id, not found, failed precondition, endless contention.</summary>
internal static partial class CatalogFailures
{
    [GeneratedRegex(ConfigurationValidator.IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    public static bool IsValidId(string id) => id is not null && IdRegex().IsMatch(id);

    /// <summary>Null when <paramref name="id"/> is a valid catalog id.</summary>
    public static CatalogFailure? CheckId(string id) => IsValidId(id)
        ? null
        : new CatalogFailure(CatalogErrorCodes.IdInvalid, $"The id '{id}' is not valid: ids are 1 to 64 characters among letters, digits, '.', '_' and '-'.");

    public static CatalogFailure NotFound(string what) => new(CatalogErrorCodes.NotFound, $"There is no {what}.");

    /// <summary>Says which header asked for what, so that a 412 explains itself.</summary>
    public static CatalogFailure PreconditionFailed(string what, WriteCondition condition)
    {
        var reason = condition.Kind switch
        {
            WriteConditionKind.MustExist => $"If-Match: * needs the {what} to exist, and it does not",
            WriteConditionKind.MustNotExist => $"If-None-Match: * needs the {what} not to exist yet, and it does",
            WriteConditionKind.ETagMatches =>
                $"If-Match names {string.Join(", ", condition.ETags.Select(ETagHeader.Format))}, and the {what} does not exist or has another ETag",
            WriteConditionKind.Unsatisfiable => "If-Match and If-None-Match: * together can never both hold",
            _ when condition.ExcludedETags.Count > 0 => null,
            _ => $"the {what} changed concurrently",
        };
        if (condition.ExcludedETags.Count > 0)
        {
            var excluded = $"If-None-Match names {string.Join(", ", condition.ExcludedETags.Select(ETagHeader.Format))}, which may be the current ETag of the {what}";
            reason = reason is null ? excluded : $"{reason}; or {excluded}";
        }

        return new(CatalogErrorCodes.PreconditionFailed, $"The precondition failed: {reason}.");
    }

    public static CatalogFailure Contended(string journeyId) =>
        new(CatalogErrorCodes.Conflict, $"Journey '{journeyId}' kept changing concurrently; try again.");
}
