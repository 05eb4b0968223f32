namespace Journeys.Host.AdminConsole;

/// <summary>One built file of the admin console: its bytes, media type and strong ETag.</summary>
/// <param name="Immutable">Whether its name carries a content hash (assets/…), so that browsers may cache it for good.</param>
public sealed record ConsoleAsset(string Path, ReadOnlyMemory<byte> Content, string ContentType, string ETag, bool Immutable);
