using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>
/// Issue 11 item 12: the OpenAPI document passes a linter nobody here wrote, Redocly CLI with its recommended
/// ruleset (tools/openapi, pinned by its package-lock.json), with zero errors.
/// </summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task The_document_has_no_errors_under_redocly_recommended()
    {
        var tools = Path.Combine(RepositoryFiles.Root, "tools", "openapi");
        var redocly = Path.Combine(tools, "node_modules", ".bin", "redocly");
        if (!File.Exists(redocly))
        {
            // .ci/run installs it first; a developer's plain `dotnet test` installs it here once.
            var (installed, log) = await ToolProcess.RunAsync("npm", tools, TimeSpan.FromMinutes(5), "ci", "--no-audit", "--no-fund");
            Assert.True(installed == 0, "npm ci in tools/openapi failed:\n" + log);
        }

        await using var api = await ApiHost.StartAsync();
        var document = Path.Combine(api.Folder, "openapi.json");
        await File.WriteAllTextAsync(document, await api.Anonymous.GetStringAsync("/api/openapi.json"));

        var (exit, output) = await ToolProcess.RunAsync(redocly, tools, TimeSpan.FromMinutes(3), "lint", document, "--config", Path.Combine(tools, "redocly.yaml"));

        Assert.True(exit == 0, "redocly lint found errors:\n" + output);
    }
}
