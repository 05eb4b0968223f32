using System.Globalization;
using System.Text.Json;

namespace Journeys.Core.Model;

/// <summary>
/// How a declared field (<c>"cart.total": "number"</c>) is found in a JSON document and checked against its type.
/// Event definitions, action response fields and data-source fields all declare fields this way.
/// </summary>
public static class DeclaredFields
{
    /// <summary>Follows a dotted path through nested objects.</summary>
    public static bool TryResolve(JsonElement root, string dottedPath, out JsonElement value) =>
        TryResolve(root, dottedPath.Split('.'), out value);

    public static bool TryResolve(JsonElement root, IReadOnlyList<string> segments, out JsonElement value)
    {
        value = root;
        foreach (var segment in segments)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a present, non-null value has the declared type (datetimes are ISO-8601 strings).</summary>
    public static bool Matches(JsonElement value, FieldType type) => type switch
    {
        FieldType.String => value.ValueKind == JsonValueKind.String,
        FieldType.Number => value.ValueKind == JsonValueKind.Number,
        FieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        FieldType.DateTime => value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        FieldType.Object => value.ValueKind == JsonValueKind.Object,
        FieldType.Array => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    /// <summary>The type as a message names it ("a number").</summary>
    public static string Describe(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Number => "a number",
        FieldType.Boolean => "a boolean",
        FieldType.DateTime => "an ISO-8601 datetime string",
        FieldType.Object => "an object",
        FieldType.Array => "an array",
        _ => type.ToString(),
    };
}
