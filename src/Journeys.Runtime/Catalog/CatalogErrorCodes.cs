namespace Journeys.Runtime.Catalog;

/// <summary>
/// Stable codes of the failures a catalog user can cause, with the HTTP status the API maps each to
/// (in <c>Journeys.Api.Http.ApiProblems.FromCatalog</c>).
/// </summary>
public static class CatalogErrorCodes
{
    /// <summary>404: no resource, journey or version with this id.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>412: <c>If-Match</c> names another ETag, or <c>*</c> while the item does not exist.</summary>
    public const string PreconditionFailed = "PRECONDITION_FAILED";

    /// <summary>409: deleting a resource that a live journey version uses; the failure lists the journeys.</summary>
    public const string InUse = "IN_USE";

    /// <summary>
    /// 409: the change of an event definition, data source or action would stop a live or closed journey version that
    /// uses it from compiling, so it could no longer enter or move its instances; the failure names the journeys.
    /// </summary>
    public const string BreaksJourney = "BREAKS_JOURNEY";

    /// <summary>409: the lifecycle does not allow this now (closing a journey that is not live), or concurrent writers kept winning.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>400 for a body that does not validate on PUT; 409 for publishing a journey whose draft does not validate.</summary>
    public const string Invalid = "INVALID";

    /// <summary>400: the id does not match <c>[A-Za-z0-9._-]{1,64}</c>.</summary>
    public const string IdInvalid = "ID_INVALID";
}
