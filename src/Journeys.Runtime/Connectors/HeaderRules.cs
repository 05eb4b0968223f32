namespace Journeys.Runtime.Connectors;

/// <summary>What may go into a header: rendered values come from journey data, so a line break would smuggle headers.</summary>
internal static class HeaderRules
{
    public static bool IsInvalidValue(string value) => value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0;

    public static bool IsInvalidName(string name)
    {
        if (name.Length == 0)
        {
            return true;
        }

        foreach (var c in name)
        {
            // RFC 9110 token characters.
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
