using System.Net;
using Journeys.Host.Serving;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Serving;

/// <summary>Keys from configuration, or generated once into &lt;db&gt;.keys.json beside the database.</summary>
public sealed class KeyFileTests
{
    [Fact]
    public async Task Without_configured_keys_a_keys_file_is_created_beside_the_database_readable_by_its_owner_only_and_reused()
    {
        string adminKey;
        string keysPath;
        await using (var api = await ApiHost.StartAsync(o => o.Configuration.Clear()))
        {
            keysPath = Path.Combine(api.Folder, "journeys.db.keys.json");
            Assert.Equal(keysPath, api.Host.KeyFilePath);
            Assert.True(api.Host.KeyFileCreated);
            Assert.True(File.Exists(keysPath));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keysPath));
            }

            var stored = KeyFile.Read(keysPath);
            Assert.NotEqual(stored.AdminKey, stored.IngestKey);
            Assert.True(stored.AdminKey.Length >= 40);
            adminKey = stored.AdminKey;

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
            request.Headers.Add("x-api-key", adminKey);
            using var response = await api.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            using var oldKey = await api.Admin.GetAsync("/api/events");
            Assert.Equal(HttpStatusCode.Unauthorized, oldKey.StatusCode);

            // A host finds the file beside its database and keeps the same keys. (Beside a copy: one database takes
            // one host at a time, and this one is still running.)
            var copy = Path.Combine(api.Folder, "copy");
            Directory.CreateDirectory(copy);
            File.Copy(keysPath, Path.Combine(copy, "journeys.db.keys.json"));
            var options = new EmbeddedHostOptions { DatabasePath = Path.Combine(copy, "journeys.db"), Urls = "http://127.0.0.1:0", ConsoleLogging = false };
            await using var again = await EmbeddedHost.CreateAsync(options);
            Assert.False(again.KeyFileCreated);
            Assert.Equal(Journeys.Api.Security.ApiKeyRole.Admin, again.Keys.RoleOf(adminKey));
        }
    }

    [Fact]
    public async Task Configured_keys_need_no_keys_file()
    {
        await using var api = await ApiHost.StartAsync();
        Assert.Null(api.Host.KeyFilePath);
        Assert.False(File.Exists(Path.Combine(api.Folder, "journeys.db.keys.json")));
    }

    [Fact]
    public async Task A_configured_admin_key_is_used_with_the_generated_ingest_key()
    {
        await using var api = await ApiHost.StartAsync(o => o.Configuration.Remove("Journeys:IngestKey"));
        var stored = KeyFile.Read(api.Host.KeyFilePath!);
        Assert.Equal(Journeys.Api.Security.ApiKeyRole.Admin, api.Host.Keys.RoleOf(ApiHost.AdminKey));
        Assert.Equal(Journeys.Api.Security.ApiKeyRole.Ingest, api.Host.Keys.RoleOf(stored.IngestKey));
        Assert.Null(api.Host.Keys.RoleOf(stored.AdminKey));
    }

    [Fact]
    public void A_corrupt_keys_file_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"journeys-{Guid.NewGuid():N}.keys.json");
        File.WriteAllText(path, "{ not json");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => KeyFile.LoadOrCreate(path, out _));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
