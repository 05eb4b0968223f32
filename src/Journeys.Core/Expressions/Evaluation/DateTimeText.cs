using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Evaluation;

/// <summary>
/// Reads ISO-8601 datetimes: a date (<c>2026-01-01</c>) or a date and time to the minute, second or fraction
/// (up to 7 digits), with <c>Z</c>, an offset, or nothing (read as UTC, never as the machine's zone, so that a
/// result never depends on where the engine runs).
/// </summary>
internal static class DateTimeText
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static bool TryParse(ReadOnlySpan<char> text, out long utcTicks)
    {
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Styles, out var parsed))
        {
            utcTicks = parsed.UtcTicks;
            return true;
        }

        utcTicks = 0;
        return false;
    }

    /// <summary>Parses a JSON string without allocating when it has no escapes (the usual case).</summary>
    public static bool TryParse(JsonElement element, out long utcTicks)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);

        // The raw value includes its quotes. Datetimes are short; anything long or escaped takes the slow path.
        if (raw.Length <= 66 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[64];
            if (Encoding.UTF8.TryGetChars(raw[1..^1], chars, out var written))
            {
                return TryParse(chars[..written], out utcTicks);
            }
        }

        return TryParse(element.GetString(), out utcTicks);
    }
}
