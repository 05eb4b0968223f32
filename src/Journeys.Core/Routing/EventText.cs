using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Journeys.Core.Routing;

/// <summary>
/// Finds text in a raw event that is not Unicode: a JSON escape of a lone UTF-16 surrogate (<c>"\ud800"</c>) is
/// well-formed JSON in valid UTF-8, yet no string can hold it, so reading, storing or forwarding it throws. Such an
/// event is refused as invalid (SPEC §5) before anything else reads it.
/// </summary>
public static class EventText
{
    private static readonly byte[] UnicodeEscape = "\\u"u8.ToArray();

    /// <summary>A reason naming the first string or property name that is not valid text; null when all are.</summary>
    public static string? FindInvalid(JsonElement rawEvent)
    {
        // Only a \u escape can encode a lone surrogate (the body's bytes are valid UTF-8): most events have none,
        // and they cost one vectorised search of their raw bytes.
        if (JsonMarshal.GetRawUtf8Value(rawEvent).IndexOf(UnicodeEscape) < 0)
        {
            return null;
        }

        var path = new StringBuilder("$");
        return Walk(rawEvent, path);
    }

    private static string? Walk(JsonElement element, StringBuilder path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return $"{path}: a property name is not valid Unicode text (a lone UTF-16 surrogate escape such as \\ud800)";
                    }

                    var length = path.Length;
                    path.Append('.').Append(name);
                    if (Walk(property.Value, path) is { } found)
                    {
                        return found;
                    }

                    path.Length = length;
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var length = path.Length;
                    path.Append('[').Append(index++).Append(']');
                    if (Walk(item, path) is { } found)
                    {
                        return found;
                    }

                    path.Length = length;
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return $"{path}: the string is not valid Unicode text (a lone UTF-16 surrogate escape such as \\ud800)";
                }

            default:
                return null;
        }
    }
}
