namespace Journeys.TestSupport.Api;

/// <summary>The files of samples/ (copied beside the host's binaries, or found from the repository root).</summary>
public static class SampleFiles
{
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    private static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(Path.Combine(candidate, "journeys")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
