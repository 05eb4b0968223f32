using System.Globalization;
using Journeys.Runtime.Orchestration;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// Where the golden histories are: committed under the test project's Histories folder, one folder per logic
/// version (<c>logic1/</c>, <c>logic2/</c>, …: the instances in flight that each version must still replay), copied
/// to the output. A history is named by its path under Histories without the extension (<c>logic2/welcome-series</c>).
/// </summary>
internal static class HistoryFiles
{
    public const string Folder = "Histories";

    /// <summary>Set to 1 to (re)record the golden histories: see docs/azure.md. CI never sets it.</summary>
    public const string RecordVariable = "JOURNEYS_RECORD_HISTORIES";

    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    /// <summary>The committed histories as the test run sees them (copied next to the test assembly).</summary>
    public static IEnumerable<string> Committed()
    {
        var root = Path.Combine(AppContext.BaseDirectory, Folder);
        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(file => Path.ChangeExtension(Path.GetRelativePath(root, file), null).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    public static OrchestrationHistory Read(string name) =>
        OrchestrationHistory.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Folder, name + ".json")));

    /// <summary>The logic version of a committed history (its folder, <c>logic2/…</c> → 2).</summary>
    public static int LogicVersion(string name) => int.Parse(name.Split('/')[0]["logic".Length..], CultureInfo.InvariantCulture);

    /// <summary>
    /// The source folder recordings are written to: the current logic version's, found from the test assembly
    /// upwards. Older versions' folders are never rewritten: they stand for instances started before.
    /// </summary>
    public static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "JourneyFunctions.Tests", Folder);
            if (File.Exists(Path.Combine(folder.FullName, "Journeys.slnf")) && Directory.Exists(candidate))
            {
                return Directory.CreateDirectory(Path.Combine(candidate, "logic" + OrchestrationLogic.Current.ToString(CultureInfo.InvariantCulture))).FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository's tests/JourneyFunctions.Tests/Histories folder was not found above the test assembly.");
    }
}
