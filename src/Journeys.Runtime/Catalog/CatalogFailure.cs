using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// A failure the user caused: a stable <see cref="Code"/> (<see cref="CatalogErrorCodes"/>), a readable message and
/// the details: validation issues for <see cref="CatalogErrorCodes.Invalid"/>, the journeys in the way for
/// <see cref="CatalogErrorCodes.InUse"/>. Transport statuses are the API's business: it maps codes to them.
/// </summary>
public sealed record CatalogFailure(string Code, string Message)
{
    public IReadOnlyList<ValidationIssue> Issues { get; init; } = [];

    /// <summary>Ids of the live journeys that use the resource (for <see cref="CatalogErrorCodes.InUse"/>).</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];
}
