using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Journeys.Azure.Tables;

/// <summary>
/// Turns arbitrary text (profile ids, event keys) into a valid PartitionKey/RowKey: '/', '\', '#', '?', '%' and
/// control characters are percent-escaped; text still longer than <see cref="MaxLength"/> is replaced by its SHA-256.
/// Catalog and journey ids need no escaping (<c>[A-Za-z0-9._-]</c>).
/// </summary>
public static class TableKeys
{
    public const int MaxLength = 400;

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length <= MaxLength
            ? builder.ToString()
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A row key that sorts newest first: inverted ticks, fixed width.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
