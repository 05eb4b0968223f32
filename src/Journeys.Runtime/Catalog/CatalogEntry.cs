namespace Journeys.Runtime.Catalog;

/// <summary>A configuration resource as the catalog returns it: id, parsed contract body, ETag (bare token) and last write time.</summary>
public sealed record CatalogEntry<T>(string Id, T Body, string ETag, DateTimeOffset UpdatedAt)
    where T : class;
