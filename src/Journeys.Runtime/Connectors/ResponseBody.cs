using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeys.Core.Model;

namespace Journeys.Runtime.Connectors;

/// <summary>Turns response bytes into a detached <see cref="JsonElement"/> and checks declared field types.</summary>
internal static class ResponseBody
{
    /// <summary>
    /// Empty → null; JSON → the parsed value; anything else → the text as a JSON string (so a plain-text answer is
    /// still readable), with <paramref name="isJson"/> false.
    /// </summary>
    public static JsonElement? Parse(byte[] body, out bool isJson)
    {
        isJson = false;
        if (body.Length == 0 || body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            isJson = true;
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Text(Encoding.UTF8.GetString(body));
        }
    }

    /// <summary>Checks every declared dotted field that is present and not null; returns a message naming the first wrong one.</summary>
    public static string? CheckFields(JsonElement body, IReadOnlyDictionary<string, FieldType> fields)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return $"Expected a JSON object with the declared fields, got {Describe(body.ValueKind)}.";
        }

        foreach (var (path, type) in fields.OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            if (DeclaredFields.TryResolve(body, path, out var value) && value.ValueKind != JsonValueKind.Null && !DeclaredFields.Matches(value, type))
            {
                return $"Field '{path}' should be {DeclaredFields.Describe(type)} but is {Describe(value.ValueKind)}.";
            }
        }

        return null;
    }

    /// <summary>An object holding only the declared fields, nested by their dotted paths.</summary>
    public static JsonElement Extract(JsonElement body, IReadOnlyDictionary<string, FieldType> fields)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);

        // Shorter paths first: a declared "a" (object) wins over a declared "a.b", which it already contains.
        foreach (var path in fields.Keys.OrderBy(key => key.Length).ThenBy(key => key, StringComparer.Ordinal))
        {
            if (!DeclaredFields.TryResolve(body, path, out var value))
            {
                continue;
            }

            var node = root;
            var segments = path.Split('.');
            var covered = false;
            for (var i = 0; i < segments.Length - 1 && !covered; i++)
            {
                if (!node.TryGetValue(segments[i], out var child))
                {
                    child = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    node[segments[i]] = child;
                }

                if (child is SortedDictionary<string, object> branch)
                {
                    node = branch;
                }
                else
                {
                    covered = true;
                }
            }

            if (!covered)
            {
                node[segments[^1]] = value;
            }
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, root);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    public static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}"u8.ToArray());
        return document.RootElement.Clone();
    }

    private static JsonElement Text(string text)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStringValue(text);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, SortedDictionary<string, object> node)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in node)
        {
            writer.WritePropertyName(name);
            if (value is SortedDictionary<string, object> child)
            {
                Write(writer, child);
            }
            else
            {
                ((JsonElement)value).WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => "not JSON",
    };
}
