using System.Text;

namespace Journeys.TestSupport.Api;

/// <summary>Request bodies of an exact size, for the body limits.</summary>
public static class PaddedJson
{
    /// <summary>The JSON followed by spaces up to exactly <paramref name="size"/> bytes (trailing whitespace is valid JSON).</summary>
    public static byte[] Bytes(string json, int size)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var padded = new byte[size];
        bytes.CopyTo(padded, 0);
        padded.AsSpan(bytes.Length).Fill((byte)' ');
        return padded;
    }
}
