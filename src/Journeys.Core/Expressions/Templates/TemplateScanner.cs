using Journeys.Core.Expressions;

namespace Journeys.Core.Expressions.Templates;

/// <summary>Finds the end of a placeholder, skipping quoted strings so that <c>{{ 'a}}b' }}</c> is one placeholder.</summary>
internal static class TemplateScanner
{
    /// <summary>The index where <paramref name="close"/> starts, or -1 when the placeholder is never closed.</summary>
    public static int FindClose(string text, int start, string close)
    {
        var index = start;
        while (index < text.Length)
        {
            var c = text[index];
            if (c is '\'' or '"')
            {
                index++;
                while (index < text.Length && text[index] != c)
                {
                    index += text[index] == '\\' ? 2 : 1;
                }

                index++;
                continue;
            }

            if (string.CompareOrdinal(text, index, close, 0, close.Length) == 0)
            {
                return index;
            }

            index++;
        }

        return -1;
    }
}
