namespace Journeys.Reliability.Tests.BadInput;

/// <summary>One generated hostile request: what is sent, and a short description for failure messages.</summary>
internal sealed record HostileRequest(string Method, string Path, byte[] Body, string? ContentType, string What)
{
    public override string ToString()
    {
        var preview = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{What}: {Method} {Path[..Math.Min(Path.Length, 120)]} ({Body.Length} bytes, {ContentType ?? "no content type"}) {preview}";
    }
}
