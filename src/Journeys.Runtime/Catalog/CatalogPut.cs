namespace Journeys.Runtime.Catalog;

/// <summary>The outcome of a successful PUT: what is stored now, and whether it was created (201) or replaced (200).</summary>
public sealed record CatalogPut<T>(T Value, bool Created);
