namespace Journeys.Core.Model;

/// <summary>One REST call of a data source and the typed fields its response provides.</summary>
public sealed class FieldGroup
{
    /// <summary>GET or POST.</summary>
    public string? Method { get; set; }

    /// <summary>Path below the source's base URL, with <c>{expr}</c> placeholders (e.g. <c>/members/{profile.id}</c>).</summary>
    public string? Path { get; set; }

    public int? CacheSeconds { get; set; }

    /// <summary>Dotted paths into the response body and their types.</summary>
    public Dictionary<string, FieldType>? Fields { get; set; }
}
