namespace JourneyFunctions.Tests.Replay;

/// <summary>Where the golden histories are: committed under the test project's Histories folder, copied to the output.</summary>
internal static class HistoryFiles
{
    public const string Folder = "Histories";

    /// <summary>Set to 1 to (re)record the golden histories: see docs/testing.md. CI never sets it.</summary>
    public const string RecordVariable = "JOURNEYS_RECORD_HISTORIES";

    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    /// <summary>The committed histories as the test run sees them (copied next to the test assembly).</summary>
    public static IEnumerable<string> Committed() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, Folder), "*.json").Order(StringComparer.Ordinal);

    public static OrchestrationHistory Read(string name) =>
        OrchestrationHistory.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Folder, name + ".json")));

    /// <summary>The source folder of the histories, found from the test assembly upwards (recording writes there).</summary>
    public static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "JourneyFunctions.Tests", Folder);
            if (File.Exists(Path.Combine(folder.FullName, "Journeys.slnf")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The repository's tests/JourneyFunctions.Tests/Histories folder was not found above the test assembly.");
    }
}
