using System.Reflection;
using System.Security.Cryptography;

namespace Journeys.Host.AdminConsole;

/// <summary>
/// The admin console's built files (src/Journeys.Console/dist), embedded in the host assembly as resources named
/// <c>console/&lt;path&gt;</c> by src/Journeys.Console/Journeys.Console.targets, read once into memory.
/// </summary>
public sealed class ConsoleAssets
{
    private const string ResourcePrefix = "console/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
    };

    private static readonly Lazy<ConsoleAssets> EmbeddedAssets = new(() => Load(typeof(ConsoleAssets).Assembly));

    private readonly Dictionary<string, ConsoleAsset> files;

    private ConsoleAssets(Dictionary<string, ConsoleAsset> files) => this.files = files;

    /// <summary>The files embedded in this host.</summary>
    public static ConsoleAssets Embedded => EmbeddedAssets.Value;

    /// <summary>False when the host was built without the console (<c>-p:JourneysSkipConsole=true</c>).</summary>
    public bool IsBuilt => files.ContainsKey("index.html");

    public IReadOnlyCollection<string> Paths => files.Keys;

    /// <summary>The file at a request path without its leading slash (<c>index.html</c>, <c>assets/index-abc.js</c>).</summary>
    public ConsoleAsset? Find(string path) => files.GetValueOrDefault(path);

    public static ConsoleAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // MSBuild's RecursiveDir uses the build machine's separator.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            files[path] = new ConsoleAsset(path, content, type, etag, path.StartsWith("assets/", StringComparison.Ordinal));
        }

        return new ConsoleAssets(files);
    }
}
