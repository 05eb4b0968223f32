using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Journeys.Azure.Tests.Infra;

/// <summary>
/// infra/ compiled with the Bicep compiler from NuGet (Azure.Bicep.CommandLine.linux-x64, offline). The files without
/// registry modules compile to ARM templates with no diagnostic at all. main.bicep and app/api.bicep use Azure
/// Verified Modules from the public registry, which cannot be restored offline (BCP192): for them every other
/// diagnostic must be absent (syntax, expressions, plain resources against the compiler's Azure types, parameters,
/// local modules), while the AVM modules' own parameters and outputs are NOT checked (docs/azure.md).
/// </summary>
public sealed partial class InfraCompileTests
{
    private static string Metadata(string key) =>
        typeof(InfraCompileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    [Theory]
    [InlineData("infra/app/eventhubs.bicep")]
    [InlineData("infra/app/rbac.bicep")]
    public async Task A_file_without_registry_modules_compiles_with_no_diagnostic(string file)
    {
        var (exitCode, output) = await BicepAsync("build", Path.Combine(Metadata("RepositoryRoot"), file), "--stdout");

        Assert.True(exitCode == 0, output);
        Assert.Empty(Diagnostics().Matches(output));
        Assert.Contains("\"$schema\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("infra/main.bicep")]
    [InlineData("infra/app/api.bicep")]
    public async Task A_file_with_registry_modules_has_no_diagnostic_but_the_unreachable_registry(string file)
    {
        var path = Path.Combine(Metadata("RepositoryRoot"), file);
        // The registry modules of this file and of the local modules it compiles with (their diagnostics come too).
        var registryModules = Directory.GetFiles(Path.Combine(Metadata("RepositoryRoot"), "infra"), "*.bicep", SearchOption.AllDirectories)
            .SelectMany(bicep => RegistryModule().Matches(File.ReadAllText(bicep)))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Matches(RegistryModule(), await File.ReadAllTextAsync(path));

        var (exitCode, output) = await BicepAsync("build", path, "--stdout", "--no-restore");

        // What an unrestored module causes: the module itself (BCP190/BCP192), a reference to such a module's
        // outputs (BCP062 naming it), a local module that has such errors (BCP104). Anything else is a real error.
        Assert.NotEqual(0, exitCode);
        foreach (Match diagnostic in Diagnostics().Matches(output))
        {
            var code = diagnostic.Groups["code"].Value;
            var allowed = code is "BCP190" or "BCP192" or "BCP104"
                || (code == "BCP062" && InvalidReference().Match(diagnostic.Value + output[(diagnostic.Index + diagnostic.Length)..].Split('\n')[0]) is { Success: true } reference
                    && registryModules.Contains(reference.Groups["name"].Value));
            Assert.True(allowed, "unexpected diagnostic: " + output[diagnostic.Index..].Split('\n')[0]);
        }
    }

    private static async Task<(int ExitCode, string Output)> BicepAsync(params string[] arguments)
    {
        var bicep = Path.Combine(Metadata("BicepPackageRoot"), "tools", "bicep");
        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: no telemetry, no registry; the compiler's own Azure resource types are embedded.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"\: (?:Error|Warning|Info) (?<code>[A-Za-z]+\d+)")]
    private static partial Regex Diagnostics();

    [GeneratedRegex(@"^module (?<name>\w+) 'br/public:", RegexOptions.Multiline)]
    private static partial Regex RegistryModule();

    [GeneratedRegex(@"declaration with name ""(?<name>\w+)"" is not valid")]
    private static partial Regex InvalidReference();
}
