using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Core.Serialization;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Simulation;

namespace Journeys.Runtime.Simulation.Testing;

/// <summary>
/// Runs SPEC §8 test files (<c>*.test.json</c>) offline: each names a journey file and a resources folder in the
/// samples layout, and holds cases (a scenario with a name and expectations). Every case is simulated and checked;
/// a file that cannot be loaded fails as one case that says why.
/// </summary>
public static class JourneyTestRunner
{
    public const string FileSuffix = ".test.json";

    private static readonly string[] CaseProperties = ["name", "expect"];
    private static readonly string[] ResourceFolders = ["events", "datasources", "actions", "journeys"];

    /// <summary>Test files among <paramref name="paths"/> (files as given, folders searched recursively), in path order.</summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*" + FileSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }

        return files;
    }

    /// <summary>The case names of a test file, without running them (for test discovery); empty when unreadable.</summary>
    public static IReadOnlyList<string> CaseNames(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            return document.RootElement.TryGetProperty("cases", out var cases) && cases.ValueKind == JsonValueKind.Array
                ? cases.EnumerateArray().Select((c, i) => c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"case {i + 1}").ToList()
                : [];
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return [];
        }
    }

    public static async Task<IReadOnlyList<JourneyTestCaseResult>> RunFileAsync(string file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return [Broken(file, "cannot be read: " + exception.Message)];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [Broken(file, "a test file is a JSON object { \"journey\", \"resources\", \"cases\" }")];
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (!root.TryGetProperty("journey", out var journeyElement) || journeyElement.ValueKind != JsonValueKind.String)
            {
                return [Broken(file, "$.journey: the path of the journey file is required")];
            }

            var journeyPath = Path.GetFullPath(Path.Combine(folder, journeyElement.GetString()!));
            var resources = root.TryGetProperty("resources", out var resourcesElement) && resourcesElement.ValueKind == JsonValueKind.String
                ? Path.GetFullPath(Path.Combine(folder, resourcesElement.GetString()!))
                : Path.GetDirectoryName(Path.GetDirectoryName(journeyPath)!)!;
            if (!File.Exists(journeyPath))
            {
                return [Broken(file, $"$.journey: no journey file {journeyPath}")];
            }

            if (!Directory.Exists(resources))
            {
                return [Broken(file, $"$.resources: no folder {resources}")];
            }

            var journeyRead = ContractJson.ReadJourney(await File.ReadAllBytesAsync(journeyPath, cancellationToken).ConfigureAwait(false));
            if (!journeyRead.Succeeded)
            {
                return [Broken(file, $"{journeyPath}: " + string.Join("; ", journeyRead.Errors.Select(e => $"{e.Code} at {e.Path}: {e.Message}")))];
            }

            var bundle = ConfigurationBundle.Load(ResourceFolders
                .Select(name => Path.Combine(resources, name))
                .Where(Directory.Exists)
                .SelectMany(dir => Directory.EnumerateFiles(dir, "*.json").Where(f => !f.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)));
            var unreadable = bundle.Files.Where(f => f.Errors.Count > 0).Select(f => $"{f.Path}: {f.Errors[0].Code} at {f.Errors[0].Path}: {f.Errors[0].Message}").ToList();
            if (unreadable.Count > 0)
            {
                return [Broken(file, string.Join("; ", unreadable))];
            }

            var journeyId = Path.GetFileNameWithoutExtension(journeyPath);
            var setup = SimulationSetup.TryCreate(journeyId, 1, journeyRead.Value!, bundle.Events, bundle, out var validation);
            if (setup is null)
            {
                return [Broken(file, $"journey '{journeyId}' is not valid: " + string.Join("; ", validation.Errors.Select(e => $"{e.Code} at {e.Path}: {e.Message}")))];
            }

            if (!root.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array || cases.GetArrayLength() == 0)
            {
                return [Broken(file, "$.cases: at least one case is required")];
            }

            var results = new List<JourneyTestCaseResult>();
            var index = 0;
            foreach (var testCase in cases.EnumerateArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(await RunCaseAsync(file, setup, testCase, $"$.cases[{index}]", index).ConfigureAwait(false));
                index++;
            }

            return results;
        }
    }

    private static async Task<JourneyTestCaseResult> RunCaseAsync(string file, SimulationSetup setup, JsonElement testCase, string path, int index)
    {
        var name = testCase.ValueKind == JsonValueKind.Object && testCase.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()!
            : $"case {index + 1}";
        var differences = new List<string>();
        var read = ScenarioReader.Read(testCase, SimulationLimits.Offline, path, CaseProperties);
        var expectations = ReadExpectations(testCase, path, differences);
        foreach (var error in read.Errors)
        {
            differences.Add($"{error.Code} at {error.Path}: {error.Message}");
        }

        if (differences.Count > 0)
        {
            return new JourneyTestCaseResult(file, name, differences);
        }

        SimulationResult result;
        try
        {
            result = await JourneySimulator.RunAsync(setup, read.Scenario!, SimulationLimits.Offline).ConfigureAwait(false);
        }
        catch (SimulationLimitException exception)
        {
            return new JourneyTestCaseResult(file, name, [$"{exception.Code}: {exception.Message}"]);
        }

        foreach (var (profileId, expected) in expectations)
        {
            Compare(profileId, expected, result.Instances.Where(i => i.ProfileId == profileId).ToList(), differences);
        }

        return new JourneyTestCaseResult(file, name, differences);
    }

    private static void Compare(string profileId, ProfileExpectation expected, List<SimulatedInstance> instances, List<string> differences)
    {
        var status = instances.Count == 0 ? "none (never entered)" : StatusName(instances[^1].Status);
        var path = instances.SelectMany(i => i.Path).ToList();
        if (expected.Status is { } expectedStatus && expectedStatus != status)
        {
            differences.Add($"{profileId} status: expected {expectedStatus}, actual {status}");
        }

        if (expected.Path is { } expectedPath && !expectedPath.SequenceEqual(path, StringComparer.Ordinal))
        {
            differences.Add($"{profileId} path: expected [{string.Join(", ", expectedPath)}], actual [{string.Join(", ", path)}]");
        }

        if (expected.Visits is { } visits)
        {
            var missing = visits.Where(node => !path.Contains(node, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                differences.Add($"{profileId} visits: expected [{string.Join(", ", visits)}], missing [{string.Join(", ", missing)}] in path [{string.Join(", ", path)}]");
            }
        }

        foreach (var (node, count) in expected.Calls ?? new Dictionary<string, int>())
        {
            var actual = instances.Sum(i => i.Calls.Count(c => c.Node == node));
            if (actual != count)
            {
                differences.Add($"{profileId} calls.{node}: expected {count}, actual {actual}");
            }
        }
    }

    /// <summary>The contract name of a status (<c>completed</c>, <c>timedOut</c>…), as reports spell it.</summary>
    public static string StatusName(InstanceStatus status) => status switch
    {
        InstanceStatus.Active => "active",
        InstanceStatus.Completed => "completed",
        InstanceStatus.Errored => "errored",
        InstanceStatus.Stopped => "stopped",
        _ => "timedOut",
    };

    private static List<(string ProfileId, ProfileExpectation Expectation)> ReadExpectations(JsonElement testCase, string path, List<string> differences)
    {
        var expectations = new List<(string, ProfileExpectation)>();
        if (testCase.ValueKind != JsonValueKind.Object)
        {
            return expectations;
        }

        if (!testCase.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
        {
            differences.Add($"{SimulationErrorCodes.ScenarioInvalid} at {path}.expect: a case needs expect, an object keyed by profile id");
            return expectations;
        }

        foreach (var profile in expect.EnumerateObject())
        {
            var profilePath = $"{path}.expect['{profile.Name}']";
            if (profile.Value.ValueKind != JsonValueKind.Object)
            {
                differences.Add($"{SimulationErrorCodes.ScenarioInvalid} at {profilePath}: expected {{ \"status\", \"path\" | \"visits\", \"calls\" }}");
                continue;
            }

            string? status = null;
            List<string>? nodes = null;
            List<string>? visits = null;
            Dictionary<string, int>? calls = null;
            foreach (var property in profile.Value.EnumerateObject())
            {
                var propertyPath = $"{profilePath}.{property.Name}";
                switch (property.Name)
                {
                    case "status" when property.Value.ValueKind == JsonValueKind.String:
                        status = property.Value.GetString();
                        break;
                    case "path" when property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String):
                        nodes = property.Value.EnumerateArray().Select(n => n.GetString()!).ToList();
                        break;
                    case "visits" when property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String):
                        visits = property.Value.EnumerateArray().Select(n => n.GetString()!).ToList();
                        break;
                    case "calls" when property.Value.ValueKind == JsonValueKind.Object
                        && property.Value.EnumerateObject().All(c => c.Value.TryGetInt32(out var n) && n >= 0):
                        calls = property.Value.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetInt32(), StringComparer.Ordinal);
                        break;
                    default:
                        differences.Add($"{SimulationErrorCodes.ScenarioInvalid} at {propertyPath}: expected status (string), path or visits (lists of node ids), calls ({{ node: count }})");
                        break;
                }
            }

            expectations.Add((profile.Name, new ProfileExpectation { Status = status, Path = nodes, Visits = visits, Calls = calls }));
        }

        return expectations;
    }

    private static JourneyTestCaseResult Broken(string file, string problem) => new(file, "(file)", [problem]);
}
