namespace Journeys.Runtime.Catalog;

/// <summary>The outcome of a successful DELETE.</summary>
public sealed record ResourceDeleted(CatalogResourceKind Kind, string Id);
