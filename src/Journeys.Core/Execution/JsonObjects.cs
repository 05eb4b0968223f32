using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// Builds the small JSON objects the instance state keeps (<c>events</c>, <c>actions</c>, <c>data</c>). Members are
/// always written in ordinal name order, whatever order they were added in, so equal contents give equal bytes.
/// </summary>
internal static class JsonObjects
{
    /// <summary>Writes a member's value; a static lambda plus an explicit state, so callers capture nothing.</summary>
    public delegate void ValueWriter<TState>(Utf8JsonWriter writer, TState state);

    public static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        using var scratch = JsonScratch.Rent();
        write(scratch.Writer);
        return scratch.ToElement();
    }

    /// <summary>Returns <paramref name="target"/> (an object, or null for none) with member <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public static JsonElement WithMember(JsonElement? target, string name, JsonElement? value) =>
        WithMember(target, name, value, static (writer, member) => WriteValue(writer, member));

    /// <summary>
    /// Returns <paramref name="target"/> (an object, or null for none) with member <paramref name="name"/> set to
    /// what <paramref name="writeValue"/> writes: the new value goes straight into the merged object, not through
    /// an element of its own.
    /// </summary>
    public static JsonElement WithMember<TState>(JsonElement? target, string name, TState state, ValueWriter<TState> writeValue)
    {
        using var scratch = JsonScratch.Rent();
        var writer = scratch.Writer;
        writer.WriteStartObject();
        if (target is { ValueKind: JsonValueKind.Object } existing)
        {
            WriteMerged(writer, existing, name, state, writeValue);
        }
        else
        {
            writer.WritePropertyName(name);
            writeValue(writer, state);
        }

        writer.WriteEndObject();
        return scratch.ToElement();
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

    /// <summary>The existing members but <paramref name="name"/>, and the new one, in ordinal name order.</summary>
    private static void WriteMerged<TState>(Utf8JsonWriter writer, JsonElement existing, string name, TState state, ValueWriter<TState> writeValue)
    {
        var members = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in existing.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                members.Add(new(property.Name, property.Value));
            }
        }

        // The new member has no element: it sorts in as a key with an undefined value and is written from the state.
        members.Add(new(name, default));
        members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, member) in members)
        {
            writer.WritePropertyName(key);
            if (ReferenceEquals(key, name))
            {
                writeValue(writer, state);
            }
            else
            {
                WriteValue(writer, member);
            }
        }
    }
}
