using System.Text.Json;
using System.Text.Json.Serialization;
using Journeys.Api.Security;

namespace Journeys.Host.Serving;

/// <summary>
/// The keys of a database that has none configured (SPEC §7): generated once, kept beside it in
/// <c>&lt;db&gt;.keys.json</c>, readable by its owner only. The host prints the file's path, never the keys: start-up
/// output ends up in terminals, CI logs and screen shares.
/// </summary>
public static class KeyFile
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".keys.json";

    /// <summary>Reads the file, or creates it with two new keys when it does not exist. <paramref name="created"/> tells which.</summary>
    public static StoredKeys LoadOrCreate(string path, out bool created)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fresh = new StoredKeys(ApiKeys.Generate(), ApiKeys.Generate());
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, options))
            {
                JsonSerializer.Serialize(stream, fresh, KeyFileJsonContext.Default.StoredKeys);
            }

            created = true;
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            // It exists (perhaps created a moment ago by another process on the same database): use it.
            created = false;
            return Read(path);
        }
    }

    public static StoredKeys Read(string path)
    {
        StoredKeys? keys;
        try
        {
            keys = JsonSerializer.Deserialize(File.ReadAllBytes(path), KeyFileJsonContext.Default.StoredKeys);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The keys file {path} is not valid JSON; delete it to generate new keys.", ex);
        }

        if (keys is null || string.IsNullOrWhiteSpace(keys.AdminKey) || string.IsNullOrWhiteSpace(keys.IngestKey))
        {
            throw new InvalidOperationException($"The keys file {path} lacks adminKey or ingestKey; delete it to generate new keys.");
        }

        return keys;
    }
}
