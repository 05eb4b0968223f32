using Journeys.Core.Model;
using Journeys.Core.Serialization;

namespace Journeys.Runtime.Catalog;

/// <summary>The codec of each configuration resource kind the catalog holds.</summary>
internal static class ResourceCodecs
{
    public static readonly ResourceCodec<EventDefinition> EventDefinitions = new(
        CatalogResourceKind.EventDefinition,
        (v, id, body) => v.ValidateEventDefinition(id, body),
        ContractJson.Write,
        json => StoredBodies.Parsed(ContractJson.ReadEventDefinition(json), "event definition"));

    public static readonly ResourceCodec<DataSource> DataSources = new(
        CatalogResourceKind.DataSource,
        (v, id, body) => v.ValidateDataSource(id, body),
        ContractJson.Write,
        json => StoredBodies.Parsed(ContractJson.ReadDataSource(json), "data source"));

    public static readonly ResourceCodec<CustomAction> CustomActions = new(
        CatalogResourceKind.CustomAction,
        (v, id, body) => v.ValidateCustomAction(id, body),
        ContractJson.Write,
        json => StoredBodies.Parsed(ContractJson.ReadCustomAction(json), "custom action"));

    /// <summary>The codec of <typeparamref name="T"/>; only the three contract resource types have one.</summary>
    public static ResourceCodec<T> For<T>()
        where T : class =>
        (typeof(T) == typeof(EventDefinition) ? EventDefinitions
            : typeof(T) == typeof(DataSource) ? DataSources
            : typeof(T) == typeof(CustomAction) ? (object)CustomActions
            : null) as ResourceCodec<T>
        ?? throw new NotSupportedException($"The catalog holds event definitions, data sources and custom actions, not {typeof(T).Name}.");

    public static string Noun(CatalogResourceKind kind) => kind switch
    {
        CatalogResourceKind.EventDefinition => "event definition",
        CatalogResourceKind.DataSource => "data source",
        _ => "custom action",
    };
}
