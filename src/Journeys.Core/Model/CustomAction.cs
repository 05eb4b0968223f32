using System.Text.Json;

namespace Journeys.Core.Model;

/// <summary>An external REST call a journey makes, with a JSON payload built from templates over <c>params</c>.</summary>
public sealed class CustomAction
{
    public string? Method { get; set; }

    /// <summary>Absolute URL; may hold <c>{{expr}}</c> templates.</summary>
    public string? Url { get; set; }

    /// <summary>Header values may hold <c>{{expr}}</c> templates.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Query parameters appended to the URL; values may hold <c>{{expr}}</c> templates.</summary>
    public Dictionary<string, string>? Query { get; set; }

    public AuthConfig? Auth { get; set; }

    public Dictionary<string, FieldType>? Params { get; set; }

    /// <summary>JSON body template: a string that is exactly <c>"{{expr}}"</c> takes the typed value.</summary>
    public JsonElement? Body { get; set; }

    public int? TimeoutMs { get; set; }

    public int? MaxRetries { get; set; }

    public int? CapPerMinute { get; set; }

    public Dictionary<string, FieldType>? ResponseFields { get; set; }
}
