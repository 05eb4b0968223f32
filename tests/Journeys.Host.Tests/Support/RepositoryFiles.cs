namespace Journeys.Host.Tests.Support;

/// <summary>The repository's root folder, found above the test binaries (where README.md and samples/ are).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "samples")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }
}
