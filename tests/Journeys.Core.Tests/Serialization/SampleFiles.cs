namespace Journeys.Core.Tests.Serialization;

/// <summary>The sample configuration files copied next to the test assembly.</summary>
internal static class SampleFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "samples");

    public static IEnumerable<object[]> In(string kind) =>
        Directory.GetFiles(Path.Combine(Root, kind), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    public static string Read(string kind, string file) => File.ReadAllText(Path.Combine(Root, kind, file));
}
