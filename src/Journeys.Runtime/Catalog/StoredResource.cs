namespace Journeys.Runtime.Catalog;

/// <summary>One stored configuration resource: its contract body as JSON text and its ETag.</summary>
public sealed record StoredResource(CatalogResourceKind Kind, string Id, string BodyJson, string ETag, DateTimeOffset UpdatedAt);
