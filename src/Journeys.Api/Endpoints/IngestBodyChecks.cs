using System.Text.Json;

namespace Journeys.Api.Endpoints;

/// <summary>
/// What the ingest route says about bodies it cannot take, each case in its own words (a byte order mark or deep
/// nesting is not just "malformed"), and the per-event check for repeated property names, which JSON parsers
/// resolve differently (here the last would win silently, elsewhere the first).
/// </summary>
internal static class IngestBodyChecks
{
    /// <summary>The deepest nesting of objects and arrays a body may have.</summary>
    public const int MaxDepth = 64;

    public static string MalformedMessage(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return "The body is empty: send one event or an array of events.";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return "The body starts with a UTF-8 byte order mark (EF BB BF), which JSON on the wire must not have (RFC 8259): save or send it as UTF-8 without BOM.";
        }

        if (NestsTooDeep(bytes))
        {
            return $"The body nests objects and arrays more than {MaxDepth} levels deep; events must stay within {MaxDepth} levels.";
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            return "The body is not one JSON value.";
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return $"Malformed JSON{where}.";
        }
    }

    /// <summary>
    /// The first property name an object of <paramref name="element"/> repeats, as a message with its JSON path, or
    /// null when there is none.
    /// </summary>
    public static string? DuplicateProperty(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? seen = null;
                foreach (var property in element.EnumerateObject())
                {
                    if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(property.Name))
                    {
                        return $"{path}: the property '{property.Name}' appears more than once; an event must not repeat a property.";
                    }

                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        && DuplicateProperty(property.Value, path + "." + property.Name) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (DuplicateProperty(item, $"{path}[{index++}]") is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Whether the tokens, read as far as they are well formed, open more than <see cref="MaxDepth"/> containers.</summary>
    private static bool NestsTooDeep(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth;
        }

        return false;
    }
}
