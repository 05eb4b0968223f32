using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>What differs between the configuration resource kinds: how one is validated, written and read back.</summary>
internal sealed record ResourceCodec<T>(
    CatalogResourceKind Kind,
    Func<ICatalogValidator, string, T, ValidationResult> Validate,
    Func<T, string> Write,
    Func<string, T> Read)
    where T : class
{
    /// <summary>The kind as messages name it: "event definition", "data source", "custom action".</summary>
    public string Noun => ResourceCodecs.Noun(Kind);
}
