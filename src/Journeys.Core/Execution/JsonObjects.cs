using System.Buffers;
using System.Text.Json;

namespace Journeys.Execution;

/// <summary>
/// Builds the small JSON objects the instance state keeps (<c>events</c>, <c>actions</c>, <c>data</c>). Members are
/// always written in ordinal name order, whatever order they were added in, so equal contents give equal bytes.
/// </summary>
internal static class JsonObjects
{
    public static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Returns <paramref name="target"/> (an object, or null for none) with member <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public static JsonElement WithMember(JsonElement? target, string name, JsonElement? value)
    {
        var members = new List<KeyValuePair<string, JsonElement?>>();
        if (target is { ValueKind: JsonValueKind.Object } existing)
        {
            foreach (var property in existing.EnumerateObject())
            {
                if (!string.Equals(property.Name, name, StringComparison.Ordinal))
                {
                    members.Add(new(property.Name, property.Value));
                }
            }
        }

        members.Add(new(name, value));
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Build(writer =>
        {
            writer.WriteStartObject();
            foreach (var (key, member) in members)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, member);
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>Sets <c>target[outer][inner]</c>, creating the inner object when needed.</summary>
    public static JsonElement WithNestedMember(JsonElement? target, string outer, string inner, JsonElement? value)
    {
        JsonElement? current = null;
        if (target is { ValueKind: JsonValueKind.Object } existing && existing.TryGetProperty(outer, out var found))
        {
            current = found;
        }

        return WithMember(target, outer, WithMember(current, inner, value));
    }

    /// <summary>Writes an element, or JSON null for none (an undefined element also counts as none).</summary>
    public static void WriteValue(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is { ValueKind: not JsonValueKind.Undefined } element)
        {
            element.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
