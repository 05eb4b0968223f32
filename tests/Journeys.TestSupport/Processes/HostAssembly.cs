namespace Journeys.TestSupport.Processes;

/// <summary>Where the tests that start a real <c>journeys</c> process find the host's <c>journeys.dll</c>.</summary>
public static class HostAssembly
{
    /// <summary>
    /// The host's <c>journeys.dll</c>: beside the running test assembly when the build copied it with its runtime
    /// configuration, else in the Host project's own output for the same configuration.
    /// </summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(System.IO.Path.Combine(here, "journeys.dll")) && File.Exists(System.IO.Path.Combine(here, "journeys.runtimeconfig.json")))
        {
            return System.IO.Path.Combine(here, "journeys.dll");
        }

        // …/tests/<TestProject>/bin/<Configuration>/<tfm>/ → …/src/Journeys.Host/bin/<Configuration>/<tfm>/journeys.dll
        var tfm = new DirectoryInfo(here.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!;
        var candidate = System.IO.Path.Combine(root.FullName, "src", "Journeys.Host", "bin", configuration.Name, tfm.Name, "journeys.dll");
        return File.Exists(candidate) ? candidate : throw new FileNotFoundException("journeys.dll not found beside the tests nor at " + candidate);
    }
}
