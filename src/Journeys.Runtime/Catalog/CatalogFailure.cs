using Journeys.Validation;

namespace Journeys.Catalog;

/// <summary>
/// A failure the user caused: a stable <see cref="Code"/> (<see cref="CatalogErrorCodes"/>), the HTTP status it
/// maps to for the operation that failed, a readable message and the details: validation issues for
/// <see cref="CatalogErrorCodes.Invalid"/>, the journeys in the way for <see cref="CatalogErrorCodes.InUse"/>.
/// </summary>
public sealed record CatalogFailure(string Code, int HttpStatus, string Message)
{
    public IReadOnlyList<ValidationIssue> Issues { get; init; } = [];

    /// <summary>Ids of the live journeys that use the resource (for <see cref="CatalogErrorCodes.InUse"/>).</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];
}
