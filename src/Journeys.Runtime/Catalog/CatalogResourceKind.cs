namespace Journeys.Runtime.Catalog;

/// <summary>The configuration resources that carry one JSON body and an ETag (everything but journeys).</summary>
public enum CatalogResourceKind
{
    EventDefinition,
    DataSource,
    CustomAction,
}
